package dev.pave.workflows.provision;

import dev.pave.workflows.activities.ApprovalDecision;
import dev.pave.workflows.activities.PolicyCheck;
import dev.pave.workflows.contract.ApprovalChoice;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.contract.ProvisionInput;
import dev.pave.workflows.contract.ProvisionWorkflow;
import dev.pave.workflows.contract.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Re-records the histories that {@link ProvisionHistoryReplayTest} replays, one per path of the
 * workflow. Run it only when a workflow change is meant to be recorded as the new normal, and keep
 * the old files too (rename them, e.g. {@code approved-v1.json}): a running request was started by
 * the old code and must still replay. From the repository root:
 *
 * <pre>mvn -B -o -pl workflows test -Dtest=RecordProvisionHistories -Dpave.recordHistories=true</pre>
 *
 * Disabled by default, so that an ordinary test run never rewrites the fixtures.
 */
@EnabledIfSystemProperty(named = "pave.recordHistories", matches = "true")
class RecordProvisionHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void autoApproved() throws IOException {
    record("auto-approved", "req_auto", (p) -> p.run("req_auto"));
  }

  @Test
  void approvalApproved() throws IOException {
    record("approval-approved", "req_appr", p -> {
      p.activities.requestChecks.put("req_appr", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
      WorkflowClient.start(p.workflow("req_appr")::run, new ProvisionInput("req_appr"));
      p.env.sleep(Duration.ofHours(1));
      p.activities.decisions.put("req_appr", new ApprovalDecision(ApprovalChoice.APPROVE, "alice"));
      p.signal("req_appr").approvalDecided();
      p.result("req_appr");
    });
  }

  @Test
  void approvalRejected() throws IOException {
    record("approval-rejected", "req_rej", p -> {
      p.activities.planChecks.put("req_rej", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "cost-ceiling: too dear"));
      WorkflowClient.start(p.workflow("req_rej")::run, new ProvisionInput("req_rej"));
      p.env.sleep(Duration.ofMinutes(10));
      p.activities.decisions.put("req_rej", new ApprovalDecision(ApprovalChoice.REJECT, "bob"));
      p.signal("req_rej").approvalDecided();
      p.result("req_rej");
    });
  }

  @Test
  void approvalExpired() throws IOException {
    record("approval-expired", "req_exp", p -> {
      p.activities.requestChecks.put("req_exp", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
      p.run("req_exp");
    });
  }

  @Test
  void deniedAtRequest() throws IOException {
    record("denied-request", "req_dr", p -> {
      p.activities.requestChecks.put("req_dr", new PolicyCheck(PolicyVerdict.DENIED, "denied by policy nonprod-ttl: needs a TTL"));
      p.run("req_dr");
    });
  }

  @Test
  void deniedAtPlan() throws IOException {
    record("denied-plan", "req_dp", p -> {
      p.activities.planChecks.put("req_dp", new PolicyCheck(PolicyVerdict.DENIED, "denied by policy no-database-replace: no"));
      p.run("req_dp");
    });
  }

  @Test
  void speculativePlan() throws IOException {
    record("speculative-plan", "req_sp", p -> {
      p.activities.speculative.add("req_sp");
      p.activities.planChecks.put("req_sp", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "cost-ceiling: too dear"));
      p.run("req_sp");
    });
  }

  @Test
  void cancelledInQueue() throws IOException {
    record("cancelled-in-queue", "req_cq", p -> {
      p.activities.ahead.put("req_cq", "req_never_ends");
      WorkflowClient.start(p.workflow("req_cq")::run, new ProvisionInput("req_cq"));
      p.env.sleep(Duration.ofMinutes(2));
      p.signal("req_cq").cancel("ci-payments");
      p.result("req_cq");
    });
  }

  @Test
  void cancelledBeforeApply() throws IOException {
    record("cancelled-before-apply", "req_cba", p -> {
      p.activities.cancelledBeforeApply.put("req_cba", "ci-payments");
      p.run("req_cba");
    });
  }

  @Test
  void cancelledWhileAwaitingApproval() throws IOException {
    record("cancelled-awaiting-approval", "req_caa", p -> {
      p.activities.requestChecks.put("req_caa", new PolicyCheck(PolicyVerdict.NEEDS_APPROVAL, "prod-needs-approval: prod"));
      WorkflowClient.start(p.workflow("req_caa")::run, new ProvisionInput("req_caa"));
      p.env.sleep(Duration.ofHours(2));
      p.signal("req_caa").cancel("ci-payments");
      p.result("req_caa");
    });
  }

  @Test
  void stalePlanPlannedAgain() throws IOException {
    record("stale-plan-replanned", "req_st", p -> {
      p.activities.staleOnce.add("req_st");
      p.run("req_st");
    });
  }

  @Test
  void failedPlan() throws IOException {
    record("failed-plan", "req_fp", p -> {
      p.activities.failPlanFor.add("req_fp");
      p.run("req_fp");
    });
  }

  @Test
  void failedApply() throws IOException {
    record("failed-apply", "req_fa", p -> {
      p.activities.failApplyFor.add("req_fa");
      p.run("req_fa");
    });
  }

  @Test
  void queuedThenHandedTheWorkspace() throws IOException {
    record("queued-then-handed-over", "req_2", p -> {
      p.activities.ahead.put("req_2", "req_1");
      WorkflowClient.start(p.workflow("req_2")::run, new ProvisionInput("req_2"));
      p.env.sleep(Duration.ofSeconds(5));
      p.run("req_1");
      p.result("req_2");
    });
  }

  /** Runs one path on a fresh test service and writes the workflow's whole history. */
  private static void record(String name, String workflowId, Consumer<Paths> path) throws IOException {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ScriptedActivities activities = new ScriptedActivities();
      Worker worker = env.newWorker(TaskQueues.PROVISION);
      worker.registerWorkflowImplementationTypes(ProvisionWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.newWorker(TaskQueues.TERRAFORM).registerActivitiesImplementations(activities);
      env.start();
      path.accept(new Paths(env, activities));
      String json = env.getWorkflowClient().fetchHistory(workflowId).toJson(true);
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }
  }

  /** What a scripted path needs: the test service, its client and the scripted activities. */
  record Paths(TestWorkflowEnvironment env, ScriptedActivities activities) {
    ProvisionWorkflow workflow(String id) {
      return env.getWorkflowClient().newWorkflowStub(ProvisionWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.PROVISION).build());
    }

    ProvisionWorkflow signal(String id) {
      return env.getWorkflowClient().newWorkflowStub(ProvisionWorkflow.class, id);
    }

    void run(String id) {
      workflow(id).run(new ProvisionInput(id));
    }

    String result(String id) {
      return env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(String.class);
    }
  }
}
