package dev.pave.workflows.provision;

import dev.pave.workflows.activities.ApprovalDecision;
import dev.pave.workflows.activities.GuardrailActivities;
import dev.pave.workflows.contract.ApprovalOutcome;
import dev.pave.workflows.contract.RequestStatus;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for one human decision on the saved plan, until a deadline kept in Pave's tables (so a
 * restarted wait keeps its first deadline). The decision itself lives in PostgreSQL; the signal
 * only says "look now", so a decision made while no workflow was running is still found.
 */
final class ApprovalWait {

  private final GuardrailActivities guardrails;
  private boolean signalled;
  private String reason;

  ApprovalWait(GuardrailActivities guardrails) {
    this.guardrails = guardrails;
  }

  void decided() {
    signalled = true;
  }

  String reason() {
    return reason;
  }

  /**
   * Null when approved; otherwise the terminal status (rejected, expired or cancelled). A new
   * plan (after a stale one) needs a new decision, with a new deadline.
   */
  RequestStatus await(String id, Supplier<String> cancelledBy, boolean newPlan) {
    long deadline = guardrails.openApproval(id, newPlan);
    while (true) {
      ApprovalDecision decision = guardrails.decision(id);
      if (decision != null) {
        guardrails.closeApproval(id, decision.approved() ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED, decision.approver());
        if (decision.approved()) {
          return null;
        }
        reason = "rejected by " + decision.approver();
        return RequestStatus.REJECTED;
      }
      if (cancelledBy.get() != null) {
        guardrails.closeApproval(id, ApprovalOutcome.CANCELLED, cancelledBy.get());
        return RequestStatus.CANCELLED;
      }
      long remaining = deadline - Workflow.currentTimeMillis();
      if (remaining <= 0) {
        guardrails.closeApproval(id, ApprovalOutcome.EXPIRED, "system");
        reason = "no approval decision before the deadline";
        return RequestStatus.EXPIRED;
      }
      signalled = false;
      Workflow.await(Duration.ofMillis(remaining), () -> signalled || cancelledBy.get() != null);
    }
  }
}
