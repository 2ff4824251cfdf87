package dev.pave.workflows.contract;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/**
 * The kinds of failure an activity reports across the Temporal boundary. The type names are
 * what stored workflow histories hold (ApplicationFailure's type), so they never change; the
 * non-retryable ones come first, in the order the workflow's retry options have always listed them.
 */
public enum FailureType {
  /** Terraform said no, or the plan to apply is not the one checked: a retry cannot fix it. */
  TERRAFORM_FAILED("TerraformFailed", false),
  /** The state moved since the plan was made: plan and check again. */
  STALE_PLAN("StalePlan", false),
  UNKNOWN_REQUEST("UnknownRequest", false),
  /** Another run holds the state lock: wait and retry. */
  STATE_LOCKED("StateLocked", true),
  /** The Terraform state database cannot be reached yet: wait and retry. */
  BACKEND_UNAVAILABLE("BackendUnavailable", true);

  private final String typeName;
  private final boolean retryable;

  FailureType(String typeName, boolean retryable) {
    this.typeName = typeName;
    this.retryable = retryable;
  }

  /** ApplicationFailure's type, as histories store it. */
  public String typeName() {
    return typeName;
  }

  public ApplicationFailure failure(String message) {
    return retryable ? ApplicationFailure.newFailure(message, typeName)
        : ApplicationFailure.newNonRetryableFailure(message, typeName);
  }

  public boolean is(Throwable failure) {
    return failure instanceof ApplicationFailure application && typeName.equals(application.getType());
  }

  /** The type names a retry cannot fix, for an activity's retry options. */
  public static String[] notRetryable() {
    return Arrays.stream(values()).filter(type -> !type.retryable).map(FailureType::typeName).toArray(String[]::new);
  }
}
