package dev.pave.api.core;

import dev.pave.api.api.ApprovalBody;
import dev.pave.api.api.RequestView;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.auth.Subjects;
import dev.pave.api.db.ApprovalRow;
import dev.pave.api.db.GuardrailDao;
import dev.pave.api.db.PlanDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiError.FieldMessage;
import dev.pave.api.errors.ApiException;
import dev.pave.workflows.activities.SavedPlan;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * One human decision on one exact plan. The decision is stored first (PostgreSQL is the source
 * of truth), then the workflow is told to look; apply checks the approved plan hash again.
 */
public final class ApprovalService {

  private static final int MAX_COMMENT = 2000;

  private final Jdbi jdbi;
  private final RequestService requests;
  private final RunStarter runs;
  private final Clock clock;

  public ApprovalService(Jdbi jdbi, RequestService requests, RunStarter runs, Clock clock) {
    this.jdbi = jdbi;
    this.requests = requests;
    this.runs = runs;
    this.clock = clock;
  }

  public RequestView decide(PavePrincipal caller, String id, ApprovalBody body) {
    if (caller.role() != Role.APPROVER && caller.role() != Role.ADMIN) {
      throw new ApiException(403, "only approvers decide on requests");
    }
    RequestRow request = requests.visibleRow(caller, id);
    if (Subjects.mayBeCaller(caller, request.requesterSubject(), request.requester())) {
      throw new ApiException(403, "an approver may not decide on its own request; ask another approver");
    }
    validate(body);
    if (!"awaiting_approval".equals(request.status())) {
      throw new ApiException(409, "request " + id + " is " + request.status() + ", not awaiting_approval");
    }
    SavedPlan plan = jdbi.onDemand(PlanDao.class).find(id)
        .orElseThrow(() -> new ApiException(409, "request " + id + " has no saved plan to decide on"));
    if (body.planSha256() != null && !body.planSha256().equals(plan.sha256())) {
      throw new ApiException(409, "the plan changed since you reviewed it (now " + plan.sha256()
          + "); review the new plan and decide again");
    }
    ApprovalRow row = new ApprovalRow(id, plan.sha256(), body.decision(), caller.name(),
        body.comment(), clock.instant().truncatedTo(ChronoUnit.MICROS), caller.subject());
    boolean decided = jdbi.inTransaction(handle -> {
      CancelOrDecide.refuseDecisionAfterCancel(handle, id);
      if (handle.attach(GuardrailDao.class).insertApproval(row) == 0) {
        return false;
      }
      // The comment stays in approvals (append-only too); the trail says whether there was one.
      AuditLog.append(handle, AuditEvent.by(caller, "approval.decided", id, java.util.Map.of(
          "decision", row.decision(), "planSha256", row.planSha256(), "commented", row.comment() != null)));
      return true;
    });
    if (!decided) {
      throw new ApiException(409, "a decision on this plan of request " + id + " was already made");
    }
    runs.approvalDecided(id);
    return requests.get(caller, id);
  }

  private static void validate(ApprovalBody body) {
    if (body == null) {
      throw ApiException.invalid("body", "is required: {decision: approve|reject, comment}");
    }
    List<FieldMessage> errors = new ArrayList<>();
    if (!"approve".equals(body.decision()) && !"reject".equals(body.decision())) {
      errors.add(new FieldMessage("decision", "must be \"approve\" or \"reject\""));
    }
    if (body.comment() != null && body.comment().length() > MAX_COMMENT) {
      errors.add(new FieldMessage("comment", "must be at most " + MAX_COMMENT + " characters"));
    }
    if (body.planSha256() != null && !body.planSha256().matches("sha256:[0-9a-f]{64}")) {
      errors.add(new FieldMessage("planSha256", "must be a plan hash as shown in plan.sha256"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(422, "invalid decision: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
  }
}
