package dev.pave.api.oidc;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.TokenAuthenticator;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/**
 * The bearer credential of every API call: a pipeline's OIDC token (a JWT, when issuers are
 * configured) or a Pave token (issued, or exchanged for an OIDC token). A refused OIDC token is
 * an {@link OidcRefused} (401 saying why, counted as a failed authentication like any 401).
 */
public final class BearerAuthenticator implements Authenticator<String, PavePrincipal> {

  private final TokenAuthenticator tokens;
  private final OidcVerifier oidc;
  private final BearerSignIns signIns;

  BearerAuthenticator(TokenAuthenticator tokens, OidcVerifier oidc, BearerSignIns signIns) {
    this.tokens = tokens;
    this.oidc = oidc;
    this.signIns = signIns;
  }

  @Override
  public Optional<PavePrincipal> authenticate(String credential) {
    String trimmed = credential == null ? null : credential.trim();
    if (oidc.hasIssuers() && OidcVerifier.looksLikeJwt(trimmed)) {
      OidcIdentity who = oidc.verify(trimmed);
      signIns.signedIn(trimmed, who);
      return Optional.of(who.principal(null));
    }
    return tokens.authenticate(credential);
  }
}
