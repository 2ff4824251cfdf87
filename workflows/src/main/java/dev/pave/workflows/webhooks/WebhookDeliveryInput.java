package dev.pave.workflows.webhooks;

import java.util.List;

/**
 * What a delivery workflow needs: the delivery's id (everything else is read from PostgreSQL by
 * the attempt, so no URL, payload or secret is ever in a workflow history), the pauses between
 * attempts (retryDelaysMillis.size() + 1 attempts in all) and the time one attempt may take.
 */
public record WebhookDeliveryInput(String deliveryId, List<Long> retryDelaysMillis, long attemptTimeoutMillis) {

  public WebhookDeliveryInput {
    retryDelaysMillis = List.copyOf(retryDelaysMillis);
  }

  public int maxAttempts() {
    return retryDelaysMillis.size() + 1;
  }
}
