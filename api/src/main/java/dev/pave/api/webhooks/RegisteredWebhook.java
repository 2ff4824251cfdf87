package dev.pave.api.webhooks;

import java.util.List;

/** The answer to a registration or a rotation: the only time the secret is ever shown. */
public record RegisteredWebhook(String id, String url, List<String> events, String format, String team,
    String secret) {}
