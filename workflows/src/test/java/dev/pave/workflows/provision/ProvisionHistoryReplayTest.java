package dev.pave.workflows.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards every running request against a workflow change: each stored history (one per path,
 * recorded by {@link RecordProvisionHistories}) must replay against today's ProvisionWorkflowImpl.
 * A change to the workflow's commands (another activity, another order, another timer) makes
 * this fail with a non-determinism error; put such a change behind {@code Workflow.getVersion}
 * and keep the old histories here. Never re-record to make this pass.
 */
class ProvisionHistoryReplayTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "auto-approved", "approval-approved", "approval-rejected", "approval-expired",
      "denied-request", "denied-plan", "cancelled-in-queue", "cancelled-before-apply",
      "cancelled-awaiting-approval", "stale-plan-replanned", "failed-plan", "failed-apply",
      "queued-then-handed-over", "speculative-plan"})
  void replaysWithTodaysWorkflow(String path) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(fixture(path));
    assertThat(history.getEvents()).as("a whole history, through its close").isNotEmpty()
        .last().matches(e -> e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_EXECUTION_"));
    WorkflowReplayer.replayWorkflowExecution(history, ProvisionWorkflowImpl.class);
  }

  private static String fixture(String path) throws IOException {
    try (InputStream in = ProvisionHistoryReplayTest.class.getResourceAsStream("/histories/" + path + ".json")) {
      assertThat(in).as("histories/" + path + ".json (record it with RecordProvisionHistories)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
