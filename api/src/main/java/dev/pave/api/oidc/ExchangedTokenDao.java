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

  /** 1 when this JWT was never exchanged, 0 when it was (the primary key decides, whoever races). */
  @SqlUpdate("INSERT INTO oidc_exchanged_jwts (jwt_key, subject, token_id, exchanged_at, jwt_expires_at)"
      + " VALUES (:jwtKey, :subject, :tokenId, :at, :jwtExpiresAt) ON CONFLICT (jwt_key) DO NOTHING")
  int rememberExchanged(@Bind("jwtKey") String jwtKey, @Bind("subject") String subject,
      @Bind("tokenId") String tokenId, @Bind("at") Instant at, @Bind("jwtExpiresAt") Instant jwtExpiresAt);

  /** JWTs that expired before {@code before} are refused anyway: no need to remember them. */
  @SqlUpdate("DELETE FROM oidc_exchanged_jwts WHERE jwt_expires_at < :before")
  int forgetExchangedBefore(@Bind("before") Instant before);

  /** Ends the browser sessions opened with the subject's live tokens; call before {@link #revokeAllOf}. */
  @SqlUpdate("UPDATE browser_sessions SET revoked_at = :at WHERE revoked_at IS NULL AND token_id IN"
      + " (SELECT id FROM tokens WHERE subject = :subject AND revoked_at IS NULL)")
  int endSessionsOf(@Bind("subject") String subject, @Bind("at") Instant at);

  @SqlUpdate("UPDATE tokens SET revoked_at = :at WHERE subject = :subject AND revoked_at IS NULL")
  int revokeAllOf(@Bind("subject") String subject, @Bind("at") Instant at);
}
