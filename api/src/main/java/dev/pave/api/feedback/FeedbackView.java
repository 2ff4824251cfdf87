package dev.pave.api.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Feedback as recorded, answered with 201. */
public record FeedbackView(String requestId, String module,
    @Schema(minimum = "1", maximum = "5") int score,
    @Schema(nullable = true, description = "null when none was given") String comment,
    Instant createdAt) {}
