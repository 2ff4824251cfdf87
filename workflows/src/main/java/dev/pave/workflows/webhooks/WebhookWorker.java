package dev.pave.workflows.webhooks;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/** A Temporal worker for webhook deliveries, on their own task queue. */
public final class WebhookWorker {

  /** Attempts in flight on one worker at once; each mostly waits on a receiver. */
  private static final int CONCURRENT_ATTEMPTS = 20;

  private final WorkerFactory factory;

  public WebhookWorker(WorkflowClient client, WebhookDeliveryActivities attempts) {
    this.factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(WebhookDeliveryWorkflow.TASK_QUEUE, WorkerOptions.newBuilder()
        .setMaxConcurrentActivityExecutionSize(CONCURRENT_ATTEMPTS).build());
    worker.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(attempts);
  }

  public void start() {
    factory.start();
  }

  /** An attempt cut off here is retried by the next worker; receivers deduplicate by webhook-id. */
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(15, TimeUnit.SECONDS);
  }
}
