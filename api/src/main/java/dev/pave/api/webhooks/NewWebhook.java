package dev.pave.api.webhooks;

import java.util.List;

/** Body of POST /v1/webhooks. {@code team}: the caller's own by default; an admin may name one, or "*" for every team. */
public record NewWebhook(String url, List<String> events, String format, String team) {}
