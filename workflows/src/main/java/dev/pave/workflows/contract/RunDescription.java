package dev.pave.workflows.contract;

import java.time.Instant;

/**
 * What the engine knows of one run of a request.
 *
 * @param closedAt when the run closed; null while it runs
 */
public record RunDescription(String runId, boolean running, Instant closedAt) {}
