package dev.pave.api.auth;

import dev.pave.api.db.TokenDao;
import dev.pave.api.db.TokenRow;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Bearer token to principal: hash it, look the hash up among tokens neither revoked nor expired. */
public final class TokenAuthenticator implements Authenticator<String, PavePrincipal> {

  private final Jdbi jdbi;

  public TokenAuthenticator(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<PavePrincipal> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return jdbi.onDemand(TokenDao.class).findActive(Tokens.hash(token.trim()))
        .map(TokenAuthenticator::principal);
  }

  /**
   * The caller an active token row stands for (also for browser sessions, which are bound to a
   * token): a token exchanged for an OIDC token stands for the pipeline's subject, any other for itself.
   */
  public static PavePrincipal principal(TokenRow row) {
    return new PavePrincipal(row.id(), row.name(), row.team(), Role.fromWire(row.role()),
        row.subject() == null ? row.id() : row.subject());
  }
}
