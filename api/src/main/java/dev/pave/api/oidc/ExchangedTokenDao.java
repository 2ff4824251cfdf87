package dev.pave.api.oidc;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Pave tokens exchanged for OIDC tokens: rows of {@code tokens} with the pipeline's subject (V16). */
interface ExchangedTokenDao {

  @SqlUpdate("INSERT INTO tokens (id, name, team, role, token_hash, created_at, expires_at, subject)"
      + " VALUES (:id, :name, :team, :role, :tokenHash, :createdAt, :expiresAt, :subject)")
  void insert(@Bind("id") String id, @Bind("name") String name, @Bind("team") String team, @Bind("role") String role,
      @Bind("tokenHash") String tokenHash, @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt,
      @Bind("subject") String subject);

  /**
   * Exchanged tokens long expired, which nothing refers to any more (a browser session opened
   * with one keeps it; audit events and requests name the subject, not the token): CI exchanges
   * on every job, and the table would otherwise only grow.
   */
  @SqlUpdate("DELETE FROM tokens t WHERE t.subject IS NOT NULL AND t.expires_at < :before"
      + " AND NOT EXISTS (SELECT 1 FROM browser_sessions s WHERE s.token_id = t.id)")
  int deleteExpiredBefore(@Bind("before") Instant before);
}
