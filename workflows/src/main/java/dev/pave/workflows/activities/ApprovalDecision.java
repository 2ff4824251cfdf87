package dev.pave.workflows.activities;

/** An approver's decision on the request's current plan: "approve" or "reject". */
public record ApprovalDecision(String decision, String approver) {

  public boolean approved() {
    return "approve".equals(decision);
  }
}
