package dev.pave.api.metrics;

/** One request in a list of notable ones (the slowest, the failing); error only for failures. */
public record RequestSummary(String id, String module, String team, String environment, String status,
    String finishedAt, Long leadTimeMs, String error) {}
