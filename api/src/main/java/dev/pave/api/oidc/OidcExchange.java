package dev.pave.api.oidc;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.Tokens;
import dev.pave.api.core.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A verified OIDC token for a short-lived Pave token: one audited sign-in, and a credential that
 * lasts a whole run (GitHub's OIDC tokens expire after five minutes; a run with an approval wait
 * takes longer), never longer than {@code oidc.exchangedTokenLifetime} and never more than that
 * past the JWT's own expiry, revocable like any token (or all of one subject's at once). Each
 * JWT is exchanged once: a replayed one is refused (V22).
 */
public final class OidcExchange {

  /** Expired exchanged tokens are kept this long (for an operator reading the tokens table), then deleted. */
  private static final Duration KEEP_EXPIRED = Duration.ofDays(7);

  private final Jdbi jdbi;
  private final OidcVerifier verifier;
  private final Duration lifetime;
  private final Clock clock;

  OidcExchange(Jdbi jdbi, OidcVerifier verifier, Duration lifetime, Clock clock) {
    this.jdbi = jdbi;
    this.verifier = verifier;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Throws {@link OidcRefused} (401) for a token Pave does not accept; stores nothing then. */
  public ExchangedToken exchange(String jwt) {
    OidcIdentity who = verifier.verify(jwt);
    String token = Tokens.newToken();
    String id = Ids.newId("tok");
    // Milliseconds, as the API shows times: the audit event then says exactly what the caller was told.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Never more than the lifetime past the JWT's own end (which the clock skew lets lie a little behind now).
    Instant expiresAt = min(now.plus(lifetime), who.tokenExpiresAt().plus(lifetime));
    Map<String, Object> details = new LinkedHashMap<>(who.auditDetails());
    details.put("via", "exchange");
    details.put("expiresAt", expiresAt.toString());
    jdbi.useTransaction(handle -> {
      ExchangedTokenDao tokens = handle.attach(ExchangedTokenDao.class);
      tokens.deleteExpiredBefore(now.minus(KEEP_EXPIRED));
      tokens.forgetExchangedBefore(now.minus(TrustedIssuer.CLOCK_SKEW));
      if (tokens.rememberExchanged(jwtKey(who, jwt), who.subject(), id, now, who.tokenExpiresAt()) == 0) {
        throw new OidcRefused("it was already exchanged; an OIDC token is exchanged once, so ask the platform for"
            + " a fresh one (or keep the Pave token the first exchange gave)");
      }
      tokens.insert(id, who.name(), who.team(), who.role().wireName(), Tokens.hash(token), now, expiresAt,
          who.subject());
      AuditLog.append(handle, AuditEvent.by(who.principal(id), "oidc.token_exchanged", id, details));
    });
    return new ExchangedToken(id, token, expiresAt, who.subject(), who.name(), who.team(), who.role().wireName());
  }

  /** What names one JWT: its issuer and jti (unique per issuer by RFC 7519), or the token itself without one. */
  private static String jwtKey(OidcIdentity who, String jwt) {
    return who.jwtId() == null || who.jwtId().isEmpty()
        ? Tokens.hash("jwt:" + jwt) : Tokens.hash("jti:" + who.issuer() + "#" + who.jwtId());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
