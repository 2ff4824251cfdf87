package dev.pave.workflows.activities;

import dev.pave.workflows.policy.PolicyResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pave's tables as the guardrail activities need them. */
public interface GuardrailLedger {

  void savePolicyResults(String requestId, List<PolicyResult> results, String planSha256, Instant at);

  /**
   * Marks the request as needing an approval and sets its deadline, unless one is set already
   * and {@code replace} is false; returns the deadline in force.
   */
  Instant openApproval(String requestId, Instant deadline, boolean replace);

  /** The decision on the given plan of the request, if an approver made one. */
  Optional<ApprovalDecision> decision(String requestId, String planSha256);
}
