package dev.pave.workflows.policy;

import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyOutcome;

/**
 * The recorded outcome of one policy on one input, in the shape of a request's {@code policies}
 * entries. {@code message} is the policy's message on a deny, what went wrong on an error, and
 * null on a pass or skip. {@code hash} is the policy file's content hash, so an auditor can tell
 * which version of the policy decided.
 */
public record PolicyResult(
    String policy, String stage, PolicyEnforcement enforcement, PolicyOutcome result, String message, String hash) {

  /** A deny or an error (or a plan's requires_approval): both block at mandatory levels and warn at advisory. */
  public boolean failed() {
    return result == PolicyOutcome.DENY || result == PolicyOutcome.ERROR || result == PolicyOutcome.REQUIRES_APPROVAL;
  }

  /** This result as a speculative plan records it: a soft-mandatory deny says what the apply would need. */
  public PolicyResult asPreview() {
    return result == PolicyOutcome.DENY && enforcement == PolicyEnforcement.SOFT_MANDATORY
        ? new PolicyResult(policy, stage, enforcement, PolicyOutcome.REQUIRES_APPROVAL, message, hash)
        : this;
  }
}
