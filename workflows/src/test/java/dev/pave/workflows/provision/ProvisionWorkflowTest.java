package dev.pave.workflows.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow's orchestration on Temporal's test service, with time skipping. */
class ProvisionWorkflowTest {

  private TestWorkflowEnvironment env;
  private ScriptedActivities activities;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.PROVISION);
    worker.registerWorkflowImplementationTypes(ProvisionWorkflowImpl.class);
    activities = new ScriptedActivities();
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void runsInitPlanApplyInOrderAndRecordsSuccess() {
    assertThat(workflow("req_a").run(new ProvisionInput("req_a"))).isEqualTo("succeeded");
    assertThat(activities.calls).containsExactly("begin req_a", "init req_a", "plan req_a", "apply req_a",
        "finish req_a succeeded");
  }

  @Test
  void aTerraformFailureEndsFailedWithTerraformsMessageAndNeverApplies() {
    activities.failPlanFor.add("req_b");
    assertThat(workflow("req_b").run(new ProvisionInput("req_b"))).isEqualTo("failed");
    assertThat(activities.calls).doesNotContain("apply req_b");
    assertThat(activities.calls).last().asString()
        .isEqualTo("finish req_b failed: terraform plan failed (exit 1): Invalid value for variable: database_name must be lower case");
  }

  @Test
  void aResumedRunAppliesTheSavedPlanWithoutPlanningAgain() {
    activities.resumeApplyFor.add("req_c");
    workflow("req_c").run(new ProvisionInput("req_c"));
    assertThat(activities.calls).containsExactly("begin req_c", "apply req_c", "finish req_c succeeded");
  }

  @Test
  void theNextRequestInAWorkspaceWaitsAndStartsWhenHandedTheWorkspace() {
    activities.ahead.put("req_2", "req_1");
    WorkflowClient.start(workflow("req_2")::run, new ProvisionInput("req_2"));
    env.sleep(Duration.ofSeconds(5));
    assertThat(activities.calls).isEmpty(); // still queued behind req_1

    workflow("req_1").run(new ProvisionInput("req_1"));
    client.newUntypedWorkflowStub("req_2").getResult(String.class);
    assertThat(activities.calls).containsExactly(
        "begin req_1", "init req_1", "plan req_1", "apply req_1", "finish req_1 succeeded",
        "begin req_2", "init req_2", "plan req_2", "apply req_2", "finish req_2 succeeded");
  }

  @Test
  void aCancelWhileQueuedEndsCancelledWithoutRunningTerraform() {
    activities.ahead.put("req_q", "req_never_ends");
    ProvisionWorkflow queued = workflow("req_q");
    WorkflowClient.start(queued::run, new ProvisionInput("req_q"));
    env.sleep(Duration.ofMinutes(2));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_q").cancel("ci-payments");
    assertThat(WorkflowStub.fromTyped(queued).getResult(String.class)).isEqualTo("cancelled");
    assertThat(activities.calls).containsExactly("finish req_q cancelled: cancelled by ci-payments");
  }

  private ProvisionWorkflow workflow(String id) {
    return client.newWorkflowStub(ProvisionWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.PROVISION).build());
  }
}
