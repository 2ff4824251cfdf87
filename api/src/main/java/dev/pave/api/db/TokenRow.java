package dev.pave.api.db;

import java.time.Instant;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One row of {@code tokens}: the token itself is never stored, only its hash. {@code subject} is
 * the pipeline's OIDC subject for a token exchanged for an OIDC token (V16), null otherwise.
 */
public record TokenRow(String id, String name, String team, String role, String tokenHash, Instant createdAt,
    Instant expiresAt, Instant revokedAt, String subject) {

  @JdbiConstructor
  public TokenRow {}

  /** An issued token (its subject is its id). */
  public TokenRow(String id, String name, String team, String role, String tokenHash, Instant createdAt,
      Instant expiresAt, Instant revokedAt) {
    this(id, name, team, role, tokenHash, createdAt, expiresAt, revokedAt, null);
  }
}
