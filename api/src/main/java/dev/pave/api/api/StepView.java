package dev.pave.api.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

public record StepView(String name, Instant startedAt, @Schema(nullable = true) Instant finishedAt, @Schema(nullable = true) Long durationMs,
    @Schema(nullable = true) String outcome, @Schema(nullable = true) String actor, @Schema(nullable = true) String worker) {}
