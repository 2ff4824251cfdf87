package dev.pave.api.webhooks;

import java.time.Instant;
import java.util.List;

/** An endpoint as GET shows it: never its secret. {@code team} is "*" for an admin's every-team endpoint. */
public record WebhookView(String id, String url, List<String> events, String format, String team, boolean enabled,
    String disabledReason, Instant createdAt, Instant secretRotatedAt, Instant previousSecretSignsUntil) {}
