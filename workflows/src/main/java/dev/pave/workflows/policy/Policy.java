package dev.pave.workflows.policy;

import dev.pave.workflows.contract.PolicyEnforcement;
import dev.pave.workflows.contract.PolicyOutcome;
import java.nio.file.Path;
import java.util.Map;

/**
 * One loaded, compiled policy.
 *
 * @param when null when the policy applies to every input of its stage
 * @param contentHash "sha256:" and the hex SHA-256 of the policy file's bytes
 * @param source the file it was loaded from
 * @param field the request field or input the policy is about ({@code ttlHours}, {@code
 *     inputs.connection_limit}), where a refusal is shown; {@link #WHOLE_REQUEST} when it names none
 */
public record Policy(
    String name,
    String description,
    PolicyStage stage,
    PolicyEnforcement enforcement,
    PolicyExpression when,
    PolicyExpression deny,
    String message,
    String contentHash,
    Path source,
    String field) {

  /** The field of a policy that names none: its refusal is about the request as a whole. */
  public static final String WHOLE_REQUEST = "request";

  /** Evaluates this policy alone on an input document (normalised here, see {@link JsonInputs}). */
  public PolicyResult evaluate(Map<String, ?> input) {
    return evaluateNormalized(JsonInputs.normalizeMap(input));
  }

  PolicyResult evaluateNormalized(Map<String, Object> input) {
    try {
      if (when != null && !when.evaluate(input)) {
        return result(PolicyOutcome.SKIP, null);
      }
    } catch (PolicyEvaluationException e) {
      return error("when", when, e);
    }
    try {
      return deny.evaluate(input) ? result(PolicyOutcome.DENY, message) : result(PolicyOutcome.PASS, null);
    } catch (PolicyEvaluationException e) {
      return error("deny", deny, e);
    }
  }

  private PolicyResult error(String field, PolicyExpression expression, PolicyEvaluationException e) {
    // Only the file name: the message is shown to requesters, the full path is a server detail.
    String where = field + " at " + source.getFileName() + ":" + expression.line();
    return result(PolicyOutcome.ERROR,
        "policy could not be evaluated, so it counts as a deny: " + where + ": " + e.getMessage());
  }

  private PolicyResult result(PolicyOutcome outcome, String text) {
    return new PolicyResult(name, stage.wireName(), enforcement, outcome, text, contentHash);
  }
}
