package dev.pave.api.session;

import dev.pave.api.db.TokenRow;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The browser_sessions table (V8): rows are keyed by the SHA-256 of the cookie's id, never the id. */
@RegisterConstructorMapper(TokenRow.class)
public interface BrowserSessionDao {

  @SqlUpdate("INSERT INTO browser_sessions (id_hash, token_id, created_at, last_seen_at, expires_at)"
      + " VALUES (:idHash, :tokenId, :now, :now, :expiresAt)")
  void insert(@Bind("idHash") String idHash, @Bind("tokenId") String tokenId, @Bind("now") Instant now,
      @Bind("expiresAt") Instant expiresAt);

  /**
   * The token behind an open session, marking the session seen. One statement, so the session and
   * its token are judged at the same instant: a revoked or expired token ends the session at once.
   */
  @SqlQuery("UPDATE browser_sessions s SET last_seen_at = :now FROM tokens t"
      + " WHERE s.id_hash = :idHash AND s.revoked_at IS NULL AND s.expires_at > :now"
      + " AND t.id = s.token_id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now)"
      + " RETURNING t.*")
  Optional<TokenRow> touchOpen(@Bind("idHash") String idHash, @Bind("now") Instant now);

  @SqlUpdate("UPDATE browser_sessions SET revoked_at = :at WHERE id_hash = :idHash AND revoked_at IS NULL")
  int revoke(@Bind("idHash") String idHash, @Bind("at") Instant at);

  @SqlUpdate("UPDATE browser_sessions SET revoked_at = :at WHERE token_id = :tokenId AND revoked_at IS NULL")
  int revokeAllOfToken(@Bind("tokenId") String tokenId, @Bind("at") Instant at);

  /** Rows long past their end are of no use to anyone; kept a week for whoever looks into a sign-in. */
  @SqlUpdate("DELETE FROM browser_sessions WHERE expires_at < :before")
  int deleteEndedBefore(@Bind("before") Instant before);
}
