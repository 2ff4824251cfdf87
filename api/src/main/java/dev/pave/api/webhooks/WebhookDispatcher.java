package dev.pave.api.webhooks;

import dev.pave.api.config.WebhookSettings;
import dev.pave.workflows.webhooks.WebhookDeliveryInput;
import dev.pave.workflows.webhooks.WebhookDeliveryWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts delivery workflows: one right after its outbox row commits, and every pending one at
 * start and on each sweep (the embedded Temporal forgets its workflows on restart; a start while
 * Temporal was down left its row pending). The workflow id is the delivery's, so a second start
 * of a running delivery is a no-op.
 */
final class WebhookDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WorkflowClient client;
  private final Jdbi jdbi;
  private final List<Long> retryDelaysMillis;
  private final long attemptTimeoutMillis;

  WebhookDispatcher(WorkflowClient client, Jdbi jdbi, WebhookSettings settings) {
    this.client = client;
    this.jdbi = jdbi;
    this.retryDelaysMillis = settings.retrySchedule.stream().map(Duration::toMillis).toList();
    this.attemptTimeoutMillis = settings.attemptTimeout.toMillis();
  }

  void start(String deliveryId) {
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
    } catch (RuntimeException temporalDown) {
      LOG.warn("webhook delivery {} waits for the next sweep ({})", deliveryId, temporalDown.getClass().getSimpleName());
    }
  }

  int startPending() {
    List<String> pending = jdbi.onDemand(WebhookDao.class).pending();
    pending.forEach(this::start);
    return pending.size();
  }
}
