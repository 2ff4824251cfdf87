package dev.pave.api.db;

/** One run of a step's kept output (request_step_logs); the output is already masked. */
public record StepLogRow(String step, String output, boolean truncated) {}
