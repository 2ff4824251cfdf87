package dev.pave.api.webhooks;

import java.util.List;

/** GET /v1/webhooks: {@code {"webhooks": [...]}}, a record so the document can name its shape. */
public record WebhookList(List<WebhookView> webhooks) {}
