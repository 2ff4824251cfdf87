package dev.pave.api.db;

import java.time.Instant;

/** One row of {@code tokens}: the token itself is never stored, only its hash. */
public record TokenRow(String id, String name, String team, String role, String tokenHash, Instant createdAt,
    Instant expiresAt, Instant revokedAt) {}
