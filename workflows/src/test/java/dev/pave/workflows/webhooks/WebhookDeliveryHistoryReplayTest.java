package dev.pave.workflows.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards deliveries in flight against a change of the delivery workflow: each stored history
 * (recorded by {@link RecordWebhookHistories}) must replay against today's code. A change of its
 * commands goes behind {@code Workflow.getVersion}; never re-record to make this pass.
 */
class WebhookDeliveryHistoryReplayTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"delivered-third-attempt", "gave-up", "gone"})
  void replaysWithTodaysWorkflow(String path) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(fixture(path));
    assertThat(history.getEvents()).as("a whole history, through its close").isNotEmpty()
        .last().matches(e -> e.getEventType().name().equals("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"));
    WorkflowReplayer.replayWorkflowExecution(history, WebhookDeliveryWorkflowImpl.class);
  }

  private static String fixture(String path) throws IOException {
    try (InputStream in = WebhookDeliveryHistoryReplayTest.class.getResourceAsStream("/histories/webhooks/" + path + ".json")) {
      assertThat(in).as("histories/webhooks/" + path + ".json (record it with RecordWebhookHistories)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
