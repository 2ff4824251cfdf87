package dev.pave.workflows.worker;

import dev.pave.workflows.activities.ProvisionActivitiesImpl;
import dev.pave.workflows.activities.RequestLedger;
import dev.pave.workflows.activities.TerraformRunConfig;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.TaskQueues;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.provision.ProvisionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** A Temporal worker for the provisioning task queue: the workflow and its activities. */
public final class ProvisionWorker {

  private final WorkerFactory factory;

  public ProvisionWorker(WorkflowClient client, int maxConcurrentRuns, RequestLedger ledger, ModuleCatalog catalog,
      TerraformRunConfig config, SecretBox secrets, Clock clock) {
    this.factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(TaskQueues.PROVISION, WorkerOptions.newBuilder()
        // One Terraform step per run at a time, and a bookkeeping activity or two beside it.
        .setMaxConcurrentActivityExecutionSize(maxConcurrentRuns * 2)
        .build());
    worker.registerWorkflowImplementationTypes(ProvisionWorkflowImpl.class);
    worker.registerActivitiesImplementations(new ProvisionActivitiesImpl(ledger, catalog, config, secrets, clock));
  }

  public void start() {
    factory.start();
  }

  public void stop() {
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
  }
}
