package dev.pave.api.webhooks;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of POST /v1/webhooks. {@code team}: the caller's own by default; an admin may name one, or "*" for every team. */
public record NewWebhook(
    @Schema(format = "uri", description = "https (or http to a private network where allowed); never a"
        + " link-local, metadata or Pave's own admin address", example = "https://hooks.example.com/pave")
    String url,
    @ArraySchema(minItems = 1, schema = @Schema(allowableValues = {"request.awaiting_approval",
        "request.succeeded", "request.failed", "request.denied", "request.rejected", "request.expired",
        "request.cancelled"}))
    List<String> events,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"standard", "slack"},
        defaultValue = "standard", description = "Standard Webhooks JSON, or a Slack incoming webhook's {text}")
    String format,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the caller's own team when left out;"
        + " an admin may name any team, or \"*\" for every team")
    String team) {}
