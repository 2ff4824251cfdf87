package dev.pave.api.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An endpoint as GET shows it: never its secret. {@code team} is "*" for an admin's every-team endpoint. */
public record WebhookView(String id,
    @Schema(description = "scheme, host and port, then /*** : the path and query can be a credential (Slack's"
        + " are), so only the answer to the registration shows the URL whole",
        example = "https://hooks.slack.com/***") String url, List<String> events,
    @Schema(allowableValues = {"standard", "slack"}) String format,
    @Schema(description = "the team whose requests it hears; \"*\" for every team") String team,
    @Schema(description = "false once Pave stopped delivering to it (see disabledReason)") boolean enabled,
    @Schema(nullable = true, description = "why it was disabled; null while enabled") String disabledReason,
    Instant createdAt,
    @Schema(nullable = true, description = "null until the secret is first rotated") Instant secretRotatedAt,
    @Schema(nullable = true, description = "until when the secret before the last rotation still signs beside"
        + " the new one; null when never rotated") Instant previousSecretSignsUntil) {}
