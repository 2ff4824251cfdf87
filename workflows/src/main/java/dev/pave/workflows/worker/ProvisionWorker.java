package dev.pave.workflows.worker;

import dev.pave.workflows.activities.GuardrailActivitiesImpl;
import dev.pave.workflows.activities.ProvisionActivitiesImpl;
import dev.pave.workflows.contract.TaskQueues;
import dev.pave.workflows.provision.ProvisionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/** A Temporal worker for the provisioning task queue: the workflow and its activities. */
public final class ProvisionWorker {

  private final WorkerFactory factory;

  public ProvisionWorker(WorkflowClient client, int maxConcurrentRuns, WorkerDependencies d) {
    this.factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(TaskQueues.PROVISION, WorkerOptions.newBuilder()
        // One Terraform step per run at a time, and a bookkeeping activity or two beside it.
        .setMaxConcurrentActivityExecutionSize(maxConcurrentRuns * 2)
        .build());
    worker.registerWorkflowImplementationTypes(ProvisionWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ProvisionActivitiesImpl(d.requests(), d.guardrails(), d.catalog(), d.terraform(), d.secrets(), d.clock()),
        new GuardrailActivitiesImpl(d.requests(), d.guardrails(), d.catalog(), d.policies(), d.secrets(),
            d.approvalTimeout(), d.clock()));
  }

  public void start() {
    factory.start();
  }

  public void stop() {
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
  }
}
