package dev.pave.api.webhooks;

import java.time.Instant;

/** A row of webhook_deliveries: the outbox entry and the delivery log line in one. */
public record DeliveryRow(String id, String endpointId, String requestId, String event, Instant occurredAt,
    String status, int attempts, Integer lastHttpStatus, String lastError, Instant lastAttemptAt,
    Instant finishedAt) {

  public DeliveryView view() {
    return new DeliveryView(id, event, requestId, status, attempts, lastHttpStatus, lastError, occurredAt,
        lastAttemptAt, finishedAt);
  }
}
