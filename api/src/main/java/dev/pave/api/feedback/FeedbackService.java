package dev.pave.api.feedback;

import dev.pave.api.api.RequestView;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.RequestService;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.contract.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * "How was this?": the requester of a finished request scores it once, 1 to 5, with an optional
 * comment. Only the requester (by subject), only once the request is terminal, only once.
 */
public final class FeedbackService {

  static final int MAX_COMMENT = 2000;

  private final Jdbi jdbi;
  private final RequestService requests;
  private final Clock clock;

  public FeedbackService(Jdbi jdbi, RequestService requests, Clock clock) {
    this.jdbi = jdbi;
    this.requests = requests;
    this.clock = clock;
  }

  public FeedbackView record(PavePrincipal caller, String requestId, FeedbackBody body) {
    RequestView request = requests.get(caller, requestId); // 404 for another team's request
    if (!requests.isRequester(caller, requestId)) {
      throw new ApiException(403, "only the requester of " + requestId + " gives feedback on it");
    }
    if (body == null || body.score() == null) {
      throw ApiException.invalid("score", "is required (1 to 5)");
    }
    if (body.score() < 1 || body.score() > 5) {
      throw ApiException.invalid("score", "must be from 1 to 5");
    }
    String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw ApiException.invalid("comment", "must be at most " + MAX_COMMENT + " characters");
    }
    if (!RequestStatus.fromWire(request.status()).terminal()) {
      throw new ApiException(409, "request " + requestId + " is " + request.status()
          + "; feedback is asked for once it has ended");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean recorded = jdbi.inTransaction(handle -> {
      if (handle.attach(FeedbackDao.class).insert(requestId, request.module(), body.score(), comment,
          caller.subject(), now) == 0) {
        return false;
      }
      // The score, not the comment: the audit trail records the decision, the comment stays in its table.
      AuditLog.append(handle, AuditEvent.by(caller, "feedback.recorded", requestId,
          Map.of("module", request.module(), "score", body.score())));
      return true;
    });
    if (!recorded) {
      throw new ApiException(409, "request " + requestId + " already has its feedback");
    }
    return find(requestId).orElseThrow();
  }

  /** The feedback given on a request, if any (the caller has already been shown the request). */
  public Optional<FeedbackView> find(String requestId) {
    return jdbi.onDemand(FeedbackDao.class).find(requestId);
  }
}
