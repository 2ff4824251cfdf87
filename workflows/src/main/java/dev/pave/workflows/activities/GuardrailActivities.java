package dev.pave.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * Policy checks and the approval wait. Each records its step; evaluations are stored with each
 * policy's content hash so an auditor can tell which version of which rule decided.
 */
@ActivityInterface
public interface GuardrailActivities {

  /** Request-stage policies, before any Terraform command runs. */
  PolicyCheck checkRequest(String requestId);

  /** Plan-stage policies, on {@code terraform show -json} of the saved plan. */
  PolicyCheck checkPlan(String requestId);

  /**
   * Moves the request to awaiting_approval and opens the approval step; returns the deadline
   * (epoch millis). A resumed wait keeps its deadline; a wait for a new plan gets a new one.
   */
  long openApproval(String requestId, boolean newDeadline);

  /** The decision recorded for the request's current plan, or null while there is none. */
  ApprovalDecision decision(String requestId);

  /** Closes the approval step: outcome approved, rejected, expired or cancelled, by actor. */
  void closeApproval(String requestId, String outcome, String actor);
}
