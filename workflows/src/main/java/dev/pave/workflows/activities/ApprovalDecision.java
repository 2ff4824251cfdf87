package dev.pave.workflows.activities;

import dev.pave.workflows.contract.ApprovalChoice;

/** An approver's decision on the request's current plan. */
public record ApprovalDecision(ApprovalChoice decision, String approver) {

  public boolean approved() {
    return decision == ApprovalChoice.APPROVE;
  }
}
