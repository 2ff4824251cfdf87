package dev.pave.api.webhooks;

import java.util.List;

/** GET /v1/webhooks/{id}/deliveries: {@code {"deliveries": [...]}}, newest first. */
public record DeliveryList(List<DeliveryView> deliveries) {}
