package dev.pave.api.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TokenRow.class)
public interface TokenDao {

  @SqlUpdate("INSERT INTO tokens (id, name, team, role, token_hash, created_at, expires_at)"
      + " VALUES (:id, :name, :team, :role, :tokenHash, :createdAt, :expiresAt)")
  void insert(@BindMethods TokenRow row);

  @SqlQuery("SELECT * FROM tokens WHERE token_hash = :hash AND revoked_at IS NULL"
      + " AND (expires_at IS NULL OR expires_at > now())")
  Optional<TokenRow> findActive(@Bind("hash") String hash);

  @SqlQuery("SELECT * FROM tokens ORDER BY created_at")
  List<TokenRow> all();

  @SqlQuery("SELECT count(*) FROM tokens")
  long count();

  @SqlUpdate("UPDATE tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
  int revoke(@Bind("id") String id, @Bind("at") Instant at);
}
