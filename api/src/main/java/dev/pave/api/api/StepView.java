package dev.pave.api.api;

import java.time.Instant;

public record StepView(String name, Instant startedAt, Instant finishedAt, Long durationMs, String outcome,
    String actor, String worker) {}
