package dev.pave.workflows.activities;

import dev.pave.workflows.contract.ApprovalOutcome;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.StepName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Approval bookkeeping, over Pave's tables. */
public final class GuardrailActivitiesImpl implements GuardrailActivities {

  private final RequestLedger requests;
  private final GuardrailLedger guardrails;
  private final Duration approvalTimeout;
  private final Clock clock;

  public GuardrailActivitiesImpl(RequestLedger requests, GuardrailLedger guardrails, Duration approvalTimeout,
      Clock clock) {
    this.requests = requests;
    this.guardrails = guardrails;
    this.approvalTimeout = approvalTimeout;
    this.clock = clock;
  }

  @Override
  public long openApproval(String requestId, boolean newDeadline) {
    Instant deadline = guardrails.openApproval(requestId, clock.instant().plus(approvalTimeout), newDeadline);
    requests.setStatus(requestId, RequestStatus.AWAITING_APPROVAL);
    requests.stepStarted(requestId, StepName.APPROVAL, clock.instant(), "pending");
    return deadline.toEpochMilli();
  }

  @Override
  public ApprovalDecision decision(String requestId) {
    return requests.loadPlan(requestId)
        .flatMap(plan -> guardrails.decision(requestId, plan.sha256()))
        .orElse(null);
  }

  @Override
  public void closeApproval(String requestId, ApprovalOutcome outcome, String actor) {
    requests.stepFinished(requestId, StepName.APPROVAL, clock.instant(), outcome.wireName(), actor);
  }
}
