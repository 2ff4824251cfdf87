package dev.pave.workflows.provision;

import dev.pave.workflows.activities.GuardrailActivities;
import dev.pave.workflows.activities.ProvisionActivities;
import dev.pave.workflows.contract.FailureType;
import dev.pave.workflows.contract.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity options, per kind of work. Terraform steps heartbeat, so a worker that dies is
 * noticed within the heartbeat timeout and another takes the step over. Bookkeeping touches
 * only PostgreSQL and retries for as long as it takes: an outage delays a request, never loses it.
 */
final class ProvisionActivityStubs {

  /** Errors a retry cannot fix: the activities throw these as non-retryable already; listed for clarity. */
  private static final String[] NOT_RETRYABLE = FailureType.notRetryable();

  private ProvisionActivityStubs() {}

  static ProvisionActivities steps() {
    return Workflow.newActivityStub(
        ProvisionActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.TERRAFORM)
            .setStartToCloseTimeout(Duration.ofMinutes(60))
            .setHeartbeatTimeout(Duration.ofSeconds(20))
            .setRetryOptions(retry(Duration.ofMillis(500), Duration.ofSeconds(30)))
            .build());
  }

  static GuardrailActivities guardrails() {
    return Workflow.newActivityStub(GuardrailActivities.class, bookkeepingOptions());
  }

  static ProvisionActivities bookkeeping() {
    return Workflow.newActivityStub(ProvisionActivities.class, bookkeepingOptions());
  }

  private static ActivityOptions bookkeepingOptions() {
    return ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(retry(Duration.ofMillis(200), Duration.ofSeconds(10)))
            .build();
  }

  /** Retries without a limit on attempts (an outage delays, never loses), except what a retry cannot fix. */
  private static RetryOptions retry(Duration initial, Duration maximum) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setMaximumInterval(maximum)
        .setDoNotRetry(NOT_RETRYABLE)
        .build();
  }
}
