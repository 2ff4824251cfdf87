package dev.pave.api.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to a registration or a rotation: the only time the secret is ever shown. */
public record RegisteredWebhook(String id,
    @Schema(description = "whole in the answer to the registration; masked (https://host/***) in a rotation's,"
        + " as everywhere else") String url, List<String> events,
    @Schema(allowableValues = {"standard", "slack"}) String format,
    @Schema(description = "the team whose requests it hears; \"*\" for every team") String team,
    @Schema(description = "the signing secret (whsec_...), shown this once: keep it") String secret) {}
