package dev.pave.workflows.client;

import dev.pave.workflows.contract.WebhookDeliveryRuns;
import dev.pave.workflows.webhooks.WebhookDeliveryInput;
import dev.pave.workflows.webhooks.WebhookDeliveryWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;

/**
 * Delivery runs as Temporal workflows: the workflow id is the delivery's, so starting one that
 * runs already changes nothing, and one that failed may be started again.
 */
public final class TemporalWebhookDeliveryRuns implements WebhookDeliveryRuns {

  private final WorkflowClient client;
  private final List<Long> retryDelaysMillis;
  private final long attemptTimeoutMillis;

  public TemporalWebhookDeliveryRuns(WorkflowClient client, List<Duration> retrySchedule, Duration attemptTimeout) {
    this.client = client;
    this.retryDelaysMillis = retrySchedule.stream().map(Duration::toMillis).toList();
    this.attemptTimeoutMillis = attemptTimeout.toMillis();
  }

  @Override
  public void start(String deliveryId) {
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(WebhookDeliveryWorkflow.workflowId(deliveryId))
        .setTaskQueue(WebhookDeliveryWorkflow.TASK_QUEUE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .build();
    try {
      WorkflowClient.start(client.newWorkflowStub(WebhookDeliveryWorkflow.class, options)::deliver,
          new WebhookDeliveryInput(deliveryId, retryDelaysMillis, attemptTimeoutMillis));
    } catch (WorkflowExecutionAlreadyStarted running) {
      // Already on its way.
    }
  }
}
