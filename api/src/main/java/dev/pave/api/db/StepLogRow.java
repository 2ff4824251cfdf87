package dev.pave.api.db;

/** One run of a step as GET /v1/requests/{id}/logs shows it; the output is already masked. */
public record StepLogRow(String step, String output, boolean truncated) {}
