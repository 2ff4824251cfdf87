package dev.pave.api.db;

import java.time.Instant;

/** One row of {@code request_steps}. */
public record StepRow(
    String requestId, int seq, String name, Instant startedAt, Instant finishedAt, Long durationMs,
    String outcome, String actor, String worker) {}
