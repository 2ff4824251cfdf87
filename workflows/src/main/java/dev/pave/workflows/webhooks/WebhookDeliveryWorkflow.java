package dev.pave.workflows.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One webhook delivery, from its first attempt to delivered, failed or dropped. Its own small
 * workflow (not a step of the request's), so a slow receiver never holds a request, and a
 * delivery's retries outlive the request that caused it.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

  /** Its own task queue: deliveries never wait behind Terraform runs, nor they behind deliveries. */
  String TASK_QUEUE = "pave-webhooks";

  /** The workflow id of a delivery: its id (msg_...), so starting it twice is harmless. */
  static String workflowId(String deliveryId) {
    return "webhook-" + deliveryId;
  }

  @WorkflowMethod
  void deliver(WebhookDeliveryInput input);
}
