package dev.pave.api.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of an endpoint's delivery log. {@code id} is the webhook-id header the receiver saw. */
public record DeliveryView(
    @Schema(description = "the webhook-id header the receiver saw") String id,
    String event, String requestId,
    @Schema(allowableValues = {"pending", "delivered", "failed", "dropped"}) String status,
    int attempts,
    @Schema(nullable = true, description = "the receiver's last HTTP status; null before an attempt or when none"
        + " answered") Integer lastHttpStatus,
    @Schema(nullable = true, description = "why the last attempt failed; null when it did not") String lastError,
    Instant occurredAt,
    @Schema(nullable = true, description = "null before the first attempt") Instant lastAttemptAt,
    @Schema(nullable = true, description = "null while pending") Instant finishedAt) {}
