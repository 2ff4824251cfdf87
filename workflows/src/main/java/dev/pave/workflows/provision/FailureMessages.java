package dev.pave.workflows.provision;

import dev.pave.workflows.contract.FailureType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** Turns an activity failure into the message a user reads: Terraform's words, no Java. */
final class FailureMessages {

  private FailureMessages() {}

  static boolean isStalePlan(ActivityFailure failure) {
    return FailureType.STALE_PLAN.is(failure.getCause());
  }

  static String of(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    return cause == null ? "the step failed" : cause.getMessage();
  }
}
