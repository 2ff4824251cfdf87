package dev.pave.workflows.policy;

import dev.pave.workflows.contract.PolicyEnforcement;
/**
 * The recorded outcome of one policy on one input, in the shape of a request's {@code policies}
 * entries. {@code message} is the policy's message on a deny, what went wrong on an error, and
 * null on a pass or skip. {@code hash} is the policy file's content hash, so an auditor can tell
 * which version of the policy decided.
 */
public record PolicyResult(
    String policy, String stage, PolicyEnforcement enforcement, String result, String message, String hash) {

  public static final String PASS = "pass";
  public static final String DENY = "deny";
  /** The policy's {@code when} was false: it does not apply to this input. */
  public static final String SKIP = "skip";
  /** The policy could not be evaluated; it counts as a deny at its enforcement level. */
  public static final String ERROR = "error";

  /** A deny or an error: both block at mandatory levels and warn at advisory. */
  public boolean failed() {
    return DENY.equals(result) || ERROR.equals(result);
  }
}
