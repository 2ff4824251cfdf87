package dev.pave.api.auth;

import dev.pave.api.db.TokenDao;
import dev.pave.api.db.TokenRow;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * At first start (no tokens yet), PAVE_ADMIN_TOKEN becomes an admin token, so a fresh install
 * can be driven by curl without a bootstrap UI. Later starts ignore it: rotating it is done
 * through the API, and a leaked environment variable cannot re-create a revoked token.
 */
public final class AdminTokenSeed {

  private AdminTokenSeed() {}

  /** Returns true when the token was stored. */
  public static boolean seed(Jdbi jdbi, String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    return jdbi.inTransaction(handle -> {
      TokenDao tokens = handle.attach(TokenDao.class);
      handle.execute("LOCK TABLE tokens IN EXCLUSIVE MODE");
      if (tokens.count() > 0) {
        return false;
      }
      tokens.insert(new TokenRow("tok_admin", "admin", "platform", Role.ADMIN.wireName(), Tokens.hash(token.trim()),
          Instant.now(), null, null));
      dev.pave.api.audit.AuditLog.append(handle, dev.pave.api.audit.AuditEvent.bySystem("token.issued", "tok_admin",
          java.util.Map.of("name", "admin", "team", "platform", "role", Role.ADMIN.wireName(), "expiresAt", "never",
              "from", "PAVE_ADMIN_TOKEN at first start")));
      return true;
    });
  }
}
