package dev.pave.api.oidc;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.TokenAuthenticator;
import dev.pave.api.config.OidcSettings;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * OIDC identity for pipelines (docs/oidc.md), wired in two calls: {@link #check} before anything
 * starts (a bad {@code oidc} block stops Pave, naming the key), {@link #register} for the exchange
 * endpoint; {@link #bearerAuthenticator} is what the API's bearer filter authenticates with.
 */
public final class OidcFeature {

  private final OidcVerifier verifier;
  private final Jdbi jdbi;

  private OidcFeature(OidcVerifier verifier, Jdbi jdbi) {
    this.verifier = verifier;
    this.jdbi = jdbi;
  }

  public static void check(OidcSettings settings) {
    OidcSettingsCheck.verifier(settings);
  }

  public static OidcFeature register(Environment environment, Jdbi jdbi, OidcSettings settings,
      FailedSignIns failedSignIns, Clock clock) {
    OidcVerifier verifier = OidcSettingsCheck.verifier(settings);
    environment.jersey().register(new OidcExchangeResource(
        new OidcExchange(jdbi, verifier, settings.exchangedTokenLifetime, clock), failedSignIns));
    environment.jersey().register(new OidcRevokeResource(new SubjectRevocation(jdbi, clock)));
    return new OidcFeature(verifier, jdbi);
  }

  /** Pave tokens as before, and OIDC tokens presented as bearer tokens. */
  public BearerAuthenticator bearerAuthenticator(TokenAuthenticator tokens) {
    return new BearerAuthenticator(tokens, verifier, new BearerSignIns(jdbi));
  }
}
