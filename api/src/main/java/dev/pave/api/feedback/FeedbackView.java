package dev.pave.api.feedback;

import java.time.Instant;

/** Feedback as recorded, answered with 201. */
public record FeedbackView(String requestId, String module, int score, String comment, Instant createdAt) {}
