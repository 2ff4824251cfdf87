package dev.pave.workflows.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.workflows.activities.ApprovalDecision;
import dev.pave.workflows.activities.PolicyCheck;
import dev.pave.workflows.contract.ApprovalChoice;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.RequestStatus;
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
    env.newWorker(TaskQueues.TERRAFORM).registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void runsInitPlanApplyInOrderAndRecordsSuccess() {
    assertThat(workflow("req_a").run(new ProvisionInput("req_a"))).isEqualTo(RequestStatus.SUCCEEDED);
    assertThat(activities.calls).containsExactly("begin req_a", "checkRequest req_a", "init req_a", "plan req_a",
        "checkPlan req_a", "apply req_a",
        "finish req_a succeeded");
  }

  @Test
  void aSpeculativePlanEndsSucceededOnceItsPlanIsCheckedAndHandsTheWorkspaceOn() {
    activities.speculative.add("req_p");
    activities.ahead.put("req_after", "req_p");
    WorkflowClient.start(workflow("req_after")::run, new ProvisionInput("req_after"));
    assertThat(workflow("req_p").run(new ProvisionInput("req_p"))).isEqualTo(RequestStatus.SUCCEEDED);
    client.newUntypedWorkflowStub("req_after").getResult(String.class);
    assertThat(activities.calls).startsWith("begin req_p", "checkRequest req_p", "init req_p", "plan req_p",
        "checkPlan req_p", "finish req_p succeeded", "begin req_after");
  }

  @Test
  void aSpeculativePlanThatAPolicyWouldHoldNeitherWaitsNorApplies() {
    activities.speculative.add("req_ps");
    activities.requestChecks.put("req_ps", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    activities.planChecks.put("req_ps", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "cost-ceiling: too dear"));
    assertThat(workflow("req_ps").run(new ProvisionInput("req_ps"))).isEqualTo(RequestStatus.SUCCEEDED);
    assertThat(activities.calls).containsExactly("begin req_ps", "checkRequest req_ps", "init req_ps", "plan req_ps",
        "checkPlan req_ps", "finish req_ps succeeded");
  }

  @Test
  void aSpeculativePlanDeniedByAHardRuleEndsDenied() {
    activities.speculative.add("req_pd");
    activities.planChecks.put("req_pd", new PolicyCheck(PolicyVerdict.DENIED, "denied by policy no-database-replace: no"));
    assertThat(workflow("req_pd").run(new ProvisionInput("req_pd"))).isEqualTo(RequestStatus.DENIED);
    assertThat(activities.calls).last().asString()
        .isEqualTo("finish req_pd denied: denied by policy no-database-replace: no");
    assertThat(activities.calls).noneMatch(call -> call.startsWith("apply") || call.startsWith("openApproval"));
  }

  @Test
  void aTerraformFailureEndsFailedWithTerraformsMessageAndNeverApplies() {
    activities.failPlanFor.add("req_b");
    assertThat(workflow("req_b").run(new ProvisionInput("req_b"))).isEqualTo(RequestStatus.FAILED);
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
        "begin req_1", "checkRequest req_1", "init req_1", "plan req_1", "checkPlan req_1", "apply req_1",
        "finish req_1 succeeded",
        "begin req_2", "checkRequest req_2", "init req_2", "plan req_2", "checkPlan req_2", "apply req_2",
        "finish req_2 succeeded");
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

  @Test
  void aHardDenyOnTheRequestStopsBeforeAnyTerraformCommand() {
    activities.requestChecks.put("req_d", new PolicyCheck(PolicyVerdict.DENIED, "denied by policy nonprod-ttl: needs a TTL"));
    assertThat(workflow("req_d").run(new ProvisionInput("req_d"))).isEqualTo(RequestStatus.DENIED);
    assertThat(activities.calls).containsExactly("begin req_d", "checkRequest req_d",
        "finish req_d denied: denied by policy nonprod-ttl: needs a TTL");
  }

  @Test
  void aHardDenyOnThePlanNeverApplies() {
    activities.planChecks.put("req_p", new PolicyCheck(PolicyVerdict.DENIED, "denied by policy no-database-replace: no"));
    assertThat(workflow("req_p").run(new ProvisionInput("req_p"))).isEqualTo(RequestStatus.DENIED);
    assertThat(activities.calls).doesNotContain("apply req_p").contains("checkPlan req_p");
  }

  @Test
  void aSoftDenyWaitsForAnApprovalThenAppliesTheCheckedPlan() {
    activities.requestChecks.put("req_s", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    ProvisionWorkflow run = workflow("req_s");
    WorkflowClient.start(run::run, new ProvisionInput("req_s"));
    env.sleep(Duration.ofHours(5)); // a human takes a while
    assertThat(activities.calls).contains("openApproval req_s").doesNotContain("apply req_s");

    activities.decisions.put("req_s", new ApprovalDecision(ApprovalChoice.APPROVE, "alice"));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_s").approvalDecided();
    assertThat(WorkflowStub.fromTyped(run).getResult(String.class)).isEqualTo("succeeded");
    assertThat(activities.calls).containsSubsequence("checkPlan req_s", "openApproval req_s",
        "closeApproval req_s approved by alice", "apply req_s", "finish req_s succeeded");
  }

  @Test
  void aRejectionEndsRejectedAndNeverApplies() {
    activities.planChecks.put("req_r", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "cost-ceiling: too dear"));
    ProvisionWorkflow run = workflow("req_r");
    WorkflowClient.start(run::run, new ProvisionInput("req_r"));
    env.sleep(Duration.ofMinutes(10));
    activities.decisions.put("req_r", new ApprovalDecision(ApprovalChoice.REJECT, "bob"));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_r").approvalDecided();
    assertThat(WorkflowStub.fromTyped(run).getResult(String.class)).isEqualTo("rejected");
    assertThat(activities.calls).doesNotContain("apply req_r")
        .contains("closeApproval req_r rejected by bob", "finish req_r rejected: rejected by bob");
  }

  @Test
  void noDecisionBeforeTheDeadlineEndsExpired() {
    activities.requestChecks.put("req_x", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    assertThat(workflow("req_x").run(new ProvisionInput("req_x"))).isEqualTo(RequestStatus.EXPIRED); // 72 h, skipped
    assertThat(activities.calls).doesNotContain("apply req_x")
        .contains("closeApproval req_x expired by system");
  }

  @Test
  void theDecisionIsReadFromTheStoreWhenTheSignalComesNotCarriedByIt() {
    activities.requestChecks.put("req_n", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    ProvisionWorkflow run = workflow("req_n");
    WorkflowClient.start(run::run, new ProvisionInput("req_n"));
    env.sleep(Duration.ofMinutes(1));
    activities.decisions.put("req_n", new ApprovalDecision(ApprovalChoice.APPROVE, "carol"));
    // The signal only says "look now": it carries nothing, and it may come long after the store.
    env.sleep(Duration.ofHours(1));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_n").approvalDecided();
    assertThat(WorkflowStub.fromTyped(run).getResult(String.class)).isEqualTo("succeeded");
  }

  @Test
  void aCancelDuringTheApprovalWaitEndsCancelled() {
    activities.requestChecks.put("req_c2", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    ProvisionWorkflow run = workflow("req_c2");
    WorkflowClient.start(run::run, new ProvisionInput("req_c2"));
    env.sleep(Duration.ofHours(2));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_c2").cancel("ci-payments");
    assertThat(WorkflowStub.fromTyped(run).getResult(String.class)).isEqualTo("cancelled");
    assertThat(activities.calls).doesNotContain("apply req_c2").contains("closeApproval req_c2 cancelled by ci-payments");
  }

  @Test
  void aStalePlanIsPlannedAndCheckedAgainNeverAppliedBlindAndNeverFailsTheRequest() {
    activities.staleOnce.add("req_st");
    assertThat(workflow("req_st").run(new ProvisionInput("req_st"))).isEqualTo(RequestStatus.SUCCEEDED);
    assertThat(activities.calls).containsExactly("begin req_st", "checkRequest req_st", "init req_st", "plan req_st",
        "checkPlan req_st", "apply req_st", "plan req_st", "checkPlan req_st", "apply req_st", "finish req_st succeeded");
  }

  @Test
  void aStalePlanThatWasApprovedNeedsANewApprovalForTheNewPlan() {
    activities.requestChecks.put("req_sa", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
    activities.staleOnce.add("req_sa");
    ProvisionWorkflow run = workflow("req_sa");
    WorkflowClient.start(run::run, new ProvisionInput("req_sa"));
    env.sleep(Duration.ofMinutes(5));
    activities.decisions.put("req_sa", new ApprovalDecision(ApprovalChoice.APPROVE, "alice"));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_sa").approvalDecided();
    env.sleep(Duration.ofMinutes(5)); // applies, finds the plan stale, re-plans, waits again
    assertThat(activities.calls).contains("openApproval req_sa (new plan)").doesNotContain("finish req_sa succeeded");
    activities.decisions.put("req_sa", new ApprovalDecision(ApprovalChoice.APPROVE, "bob"));
    client.newWorkflowStub(ProvisionWorkflow.class, "req_sa").approvalDecided();
    assertThat(WorkflowStub.fromTyped(run).getResult(String.class)).isEqualTo("succeeded");
    assertThat(activities.calls).containsSubsequence("openApproval req_sa", "apply req_sa", "plan req_sa",
        "checkPlan req_sa", "openApproval req_sa (new plan)", "apply req_sa", "finish req_sa succeeded");
  }

  @Test
  void aPlanThatDeniesAfterGoingStaleEndsDeniedWithoutASecondApply() {
    activities.staleOnce.add("req_sd");
    activities.planCheckSequence.put("req_sd", new java.util.ArrayDeque<>(java.util.List.of(
        new PolicyCheck(PolicyVerdict.ALLOWED, null),
        new PolicyCheck(PolicyVerdict.DENIED, "denied by policy no-database-replace: replaces a database"))));
    assertThat(workflow("req_sd").run(new ProvisionInput("req_sd"))).isEqualTo(RequestStatus.DENIED);
    assertThat(activities.calls.stream().filter(c -> c.equals("apply req_sd")).count()).isEqualTo(1);
    assertThat(activities.calls).last().asString().contains("no-database-replace");
  }

  private ProvisionWorkflow workflow(String id) {
    return client.newWorkflowStub(ProvisionWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.PROVISION).build());
  }

  @Test
  void aCancelThatReachesTheDatabaseBeforeTheApplyStartsCancels() {
    activities.cancelledBeforeApply.put("req_k", "ci-payments");
    assertThat(workflow("req_k").run(new ProvisionInput("req_k"))).isEqualTo(RequestStatus.CANCELLED);
    assertThat(activities.calls).contains("apply refused req_k").doesNotContain("apply req_k")
        .last().asString().isEqualTo("finish req_k cancelled: cancelled by ci-payments");
  }
}
