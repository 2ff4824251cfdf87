package dev.pave.api.webhooks;

import java.time.Instant;

/** One line of an endpoint's delivery log. {@code id} is the webhook-id header the receiver saw. */
public record DeliveryView(String id, String event, String requestId, String status, int attempts,
    Integer lastHttpStatus, String lastError, Instant occurredAt, Instant lastAttemptAt, Instant finishedAt) {}
