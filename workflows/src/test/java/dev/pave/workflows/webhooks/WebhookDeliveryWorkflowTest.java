package dev.pave.workflows.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.webhooks.AttemptResult.Outcome;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delivery workflow on Temporal's test service, with time skipping: the schedule's pauses take no real time. */
class WebhookDeliveryWorkflowTest {

  static final List<Long> SCHEDULE = List.of(5_000L, 30_000L, 120_000L);

  @Test
  void aFailedAttemptIsTriedAgainAfterTheSchedulesNextPauseUntilDelivered() {
    ScriptedAttempts attempts = new ScriptedAttempts(List.of(Outcome.RETRY, Outcome.RETRY, Outcome.DELIVERED));

    deliver(attempts);

    assertThat(attempts.calls).hasValue(3);
    assertThat(pauses(attempts)).as("5 s, then 30 s").hasSize(2)
        .satisfies(p -> assertThat(p.get(0)).isBetween(5_000L, 5_500L))
        .satisfies(p -> assertThat(p.get(1)).isBetween(30_000L, 30_500L));
  }

  @Test
  void theLastAttemptsFailureEndsTheDelivery() {
    ScriptedAttempts attempts = new ScriptedAttempts(List.of(Outcome.RETRY, Outcome.RETRY, Outcome.RETRY,
        Outcome.GAVE_UP, Outcome.DELIVERED));

    deliver(attempts);

    assertThat(attempts.calls).as("no fifth attempt").hasValue(4);
    assertThat(pauses(attempts).get(2)).as("the schedule's last pause").isBetween(120_000L, 120_500L);
  }

  @Test
  void aGoneReceiverIsNotTriedAgain() {
    ScriptedAttempts attempts = new ScriptedAttempts(List.of(Outcome.DROPPED, Outcome.DELIVERED));

    deliver(attempts);

    assertThat(attempts.calls).hasValue(1);
  }

  static List<Long> pauses(ScriptedAttempts attempts) {
    return IntStream.range(1, attempts.scheduledAt.size())
        .mapToObj(i -> attempts.scheduledAt.get(i) - attempts.scheduledAt.get(i - 1)).toList();
  }

  /** Runs a delivery to its end. */
  static void deliver(ScriptedAttempts attempts) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker(WebhookDeliveryWorkflow.TASK_QUEUE).registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
      env.newWorker(WebhookDeliveryWorkflow.TASK_QUEUE).registerActivitiesImplementations(attempts);
      env.start();
      env.getWorkflowClient().newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
              .setWorkflowId(WebhookDeliveryWorkflow.workflowId("msg_test"))
              .setTaskQueue(WebhookDeliveryWorkflow.TASK_QUEUE).build())
          .deliver(new WebhookDeliveryInput("msg_test", SCHEDULE, 10_000));
    }
  }
}
