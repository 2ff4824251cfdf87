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

  /** A deny or an error: both block at mandatory levels and warn at advisory. */
  public boolean failed() {
    return result == PolicyOutcome.DENY || result == PolicyOutcome.ERROR;
  }
}
