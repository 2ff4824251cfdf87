package dev.pave.workflows.activities;

import dev.pave.workflows.contract.ApprovalOutcome;
import io.temporal.activity.ActivityInterface;

/**
 * The approval wait. (The policy checks themselves run inside the activities that admit a request
 * and make its plan: see {@link ProvisionActivities}.)
 */
@ActivityInterface
public interface GuardrailActivities {

  /**
   * Moves the request to awaiting_approval and opens the approval step; returns the deadline
   * (epoch millis). A resumed wait keeps its deadline; a wait for a new plan gets a new one.
   */
  long openApproval(String requestId, boolean newDeadline);

  /** The decision recorded for the request's current plan, or null while there is none. */
  ApprovalDecision decision(String requestId);

  /** Closes the approval step: outcome approved, rejected, expired or cancelled, by actor. */
  void closeApproval(String requestId, ApprovalOutcome outcome, String actor);
}
