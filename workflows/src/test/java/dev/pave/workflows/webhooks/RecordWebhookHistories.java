package dev.pave.workflows.webhooks;

import dev.pave.workflows.webhooks.AttemptResult.Outcome;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the delivery histories that {@link WebhookDeliveryHistoryReplayTest} replays, like
 * RecordProvisionHistories does for requests (and with the same rule: keep old files when a
 * change is recorded). Disabled by default:
 *
 * <pre>mvn -B -o -pl workflows test -Dtest=RecordWebhookHistories -Dpave.recordHistories=true</pre>
 */
@EnabledIfSystemProperty(named = "pave.recordHistories", matches = "true")
class RecordWebhookHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories/webhooks");

  @Test
  void deliveredOnTheThirdAttempt() throws IOException {
    record("delivered-third-attempt", List.of(Outcome.RETRY, Outcome.RETRY, Outcome.DELIVERED));
  }

  @Test
  void gaveUp() throws IOException {
    record("gave-up", List.of(Outcome.RETRY, Outcome.RETRY, Outcome.GAVE_UP));
  }

  @Test
  void gone() throws IOException {
    record("gone", List.of(Outcome.DROPPED));
  }

  private static void record(String name, List<Outcome> outcomes) throws IOException {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      env.newWorker(WebhookDeliveryWorkflow.TASK_QUEUE).registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
      env.newWorker(WebhookDeliveryWorkflow.TASK_QUEUE).registerActivitiesImplementations(new ScriptedAttempts(outcomes));
      env.start();
      String workflowId = WebhookDeliveryWorkflow.workflowId("msg_" + name);
      env.getWorkflowClient().newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
              .setWorkflowId(workflowId).setTaskQueue(WebhookDeliveryWorkflow.TASK_QUEUE).build())
          .deliver(new WebhookDeliveryInput("msg_" + name, List.of(5_000L, 30_000L), 10_000));
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve(name + ".json"), env.getWorkflowClient().fetchHistory(workflowId).toJson(true),
          StandardCharsets.UTF_8);
    }
  }
}
