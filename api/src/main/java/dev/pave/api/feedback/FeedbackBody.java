package dev.pave.api.feedback;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /v1/requests/{id}/feedback: a score from 1 to 5 and an optional comment (at most 2000 characters). */
public record FeedbackBody(
    @Schema(implementation = Integer.class, minimum = "1", maximum = "5") Integer score,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, maxLength = 2000) String comment) {}
