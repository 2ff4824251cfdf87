package dev.pave.workflows.worker;

import dev.pave.workflows.activities.GuardrailActivitiesImpl;
import dev.pave.workflows.activities.ProvisionActivitiesImpl;
import dev.pave.workflows.contract.TaskQueues;
import dev.pave.workflows.provision.ProvisionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Temporal worker for the provisioning task queue: the workflow and its activities. */
public final class ProvisionWorker {

  /** How long a stopping worker waits for its running steps. */
  static final Duration DRAIN = Duration.ofMinutes(5);

  private final WorkerFactory factory;

  /**
   * @param stickyWorkflows whether a workflow's next tasks go to the worker that ran its last one
   *     (which keeps it cached). Right for a single worker. With several, off: a task queued for a
   *     worker that died waits until the service gives up on it, which a real Temporal does after
   *     5 s but the SDK's test server (a cluster's stand-in here) never does, so the request would
   *     hang. Off costs a replay of the workflow's short history per task, a few milliseconds.
   */
  public ProvisionWorker(WorkflowClient client, int maxConcurrentRuns, boolean stickyWorkflows, WorkerDependencies d) {
    this.factory = WorkerFactory.newInstance(client);
    ProvisionActivitiesImpl steps = new ProvisionActivitiesImpl(d.requests(), d.guardrails(), d.catalog(), d.policies(),
        d.terraform(), d.secrets(), d.snapshots(), d.clock());
    WorkerOptions.Builder orchestrationOptions = WorkerOptions.newBuilder();
    if (!stickyWorkflows) {
      orchestrationOptions.setStickyQueueScheduleToStartTimeout(Duration.ZERO); // zero: no sticky queue at all
    }
    Worker orchestration = factory.newWorker(TaskQueues.PROVISION, orchestrationOptions.build());
    orchestration.registerWorkflowImplementationTypes(ProvisionWorkflowImpl.class);
    orchestration.registerActivitiesImplementations(steps,
        new GuardrailActivitiesImpl(d.requests(), d.guardrails(), d.approvalTimeout(), d.clock()));
    // At most maxConcurrentRuns Terraform processes on this worker; others wait in Temporal's queue.
    Worker terraform = factory.newWorker(TaskQueues.TERRAFORM, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(maxConcurrentRuns)
        .build());
    terraform.registerActivitiesImplementations(steps);
  }

  public void start() {
    factory.start();
  }

  /**
   * Stops polling and lets the steps already running finish, for up to {@link #DRAIN}: a Terraform
   * command cut off mid-apply cannot save its state (on the embedded default its database stops
   * right after the worker), and its request would be applied again after the restart. A step
   * still running after that goes on as an orphan and is taken over like a crashed worker's.
   */
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS);
  }
}
