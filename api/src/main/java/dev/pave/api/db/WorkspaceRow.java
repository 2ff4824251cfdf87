package dev.pave.api.db;

import java.time.Instant;

/** One row of {@code workspaces}. */
public record WorkspaceRow(
    String name,
    String module,
    String version,
    String team,
    String environment,
    String status,
    String inputs,
    String outputs,
    String[] sensitiveOutputs,
    byte[] sealedSecrets,
    Instant expiresAt,
    Double costMonthlyUsd,
    String lastRequestId,
    Instant createdAt,
    Instant updatedAt) {}
