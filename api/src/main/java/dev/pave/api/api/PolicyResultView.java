package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One policy evaluation, as recorded: which rule (by content hash), at which stage, with what result. */
public record PolicyResultView(String policy, String stage, String enforcement, String result, @Schema(nullable = true) String message,
    String hash, Instant evaluatedAt) {}
