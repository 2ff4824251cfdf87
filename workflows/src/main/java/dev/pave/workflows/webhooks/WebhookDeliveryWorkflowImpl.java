package dev.pave.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Attempts until delivered or the schedule is spent: attempt, pause, attempt... The pauses are the
 * configured schedule (docs/webhooks.md), not an exponential guess, so operators can read when the
 * last attempt happens. The attempt count comes back from the log, so a workflow started again
 * after a restart (the embedded Temporal forgets) goes on where the log stands.
 */
public final class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

  @Override
  public void deliver(WebhookDeliveryInput input) {
    WebhookDeliveryActivities attempts = Workflow.newActivityStub(WebhookDeliveryActivities.class,
        ActivityOptions.newBuilder()
            // The HTTP attempt's own timeout, plus room for DNS and the log's writes.
            .setStartToCloseTimeout(Duration.ofMillis(input.attemptTimeoutMillis()).plusSeconds(30))
            // Retries here are for Pave's own hiccups (its database); a receiver's failure is a result.
            .setRetryOptions(RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(10)
                .build())
            .build());
    AttemptResult result = attempts.attempt(input.deliveryId(), input.maxAttempts());
    while (!result.outcome().finished()) {
      int pause = Math.min(Math.max(result.attempts(), 1), input.retryDelaysMillis().size()) - 1;
      Workflow.sleep(Duration.ofMillis(input.retryDelaysMillis().get(pause)));
      result = attempts.attempt(input.deliveryId(), input.maxAttempts());
    }
  }
}
