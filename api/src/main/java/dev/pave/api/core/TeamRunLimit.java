package dev.pave.api.core;

import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.RunQueueDao;
import dev.pave.api.errors.ApiException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One team cannot starve the others, and a burst is queued, not refused: a new request is stored
 * and runs at once if its team has a free run slot and it is its turn ({@link RunAdmission}),
 * or waits, queued, for one. Only a team that already has {@code waitingPerTeam} requests
 * waiting gets 429 for the next one, before anything is stored. Counted, stored and admitted
 * under a per-team advisory lock in one transaction, so concurrent POSTs of a team can never
 * slip past the counts together.
 */
public final class TeamRunLimit {

  /** A team this far behind needs minutes to drain; a client that waits this long has a fair chance of room. */
  static final int RETRY_AFTER_SECONDS = 60;

  private final Jdbi jdbi;
  private final RunAdmission admission;
  private final int waitingPerTeam;
  private final Clock clock;

  public TeamRunLimit(Jdbi jdbi, RunAdmission admission, int waitingPerTeam, Clock clock) {
    this.jdbi = jdbi;
    this.admission = admission;
    this.waitingPerTeam = waitingPerTeam;
    this.clock = clock;
  }

  /**
   * Stores the request, and starts its run if it is admitted at once. Returns false, storing
   * nothing, when a request with the same Idempotency-Key of the same caller got in first: that
   * is a retry, which the caller answers with the stored request even when the team's queue is
   * full. {@code withIt} runs in the same transaction after the insert (what the request takes
   * along, e.g. its names).
   */
  boolean insert(RequestRow row, Consumer<Handle> withIt) {
    List<String> admitted = jdbi.inTransaction(handle -> {
      RequestDao requests = handle.attach(RequestDao.class);
      requests.lockTeam(row.team());
      if (row.idempotencyKey() != null && requests.findByIdempotencyKey(row.team(), row.requesterSubject(),
          row.idempotencyKey()).isPresent()) {
        return null;
      }
      // Stamped under the team's lock (a workspace belongs to one team): racing POSTs of one
      // workspace are stamped in the order they are stored, so its line (by created_at) never
      // puts a request that committed later ahead of one that already took its turn.
      requests.insert(row.acceptedAt(clock.instant().truncatedTo(ChronoUnit.MICROS)));
      withIt.accept(handle);
      List<String> inTurn = admission.admitInTurn(handle, row.team());
      if (!inTurn.contains(row.id()) && handle.attach(RunQueueDao.class).countWaiting(row.team()) > waitingPerTeam) {
        // Thrown inside the transaction: the request, its names and its audit event are undone.
        throw ApiException.tooMany("team " + row.team() + " already has " + waitingPerTeam
            + " requests waiting for a run slot, the most one team may queue; retry when some have finished",
            RETRY_AFTER_SECONDS);
      }
      return inTurn;
    });
    if (admitted == null) {
      return false;
    }
    admission.start(admitted);
    return true;
  }

  /** See {@link RunAdmission#admitToCancel}. */
  void admitToCancel(String requestId) {
    admission.admitToCancel(requestId);
  }

  /** See {@link RunAdmission#startIfAdmitted}. */
  void startIfAdmitted(String requestId) {
    admission.startIfAdmitted(requestId);
  }
}
