package dev.pave.api.feedback;

/** Body of POST /v1/requests/{id}/feedback: a score from 1 to 5 and an optional comment (at most 2000 characters). */
public record FeedbackBody(Integer score, String comment) {}
