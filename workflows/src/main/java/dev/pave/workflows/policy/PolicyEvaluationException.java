package dev.pave.workflows.policy;

/** An expression that could not produce a bool for this input; it becomes an "error" result. */
final class PolicyEvaluationException extends Exception {
  PolicyEvaluationException(String message) {
    super(message);
  }
}
