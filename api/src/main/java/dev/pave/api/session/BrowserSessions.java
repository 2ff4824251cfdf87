package dev.pave.api.session;

import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.TokenAuthenticator;
import dev.pave.api.auth.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side browser sessions: signing in with an API token opens a session whose random id
 * (32 bytes, base64url) goes into the cookie; only its SHA-256 is stored, beside the id of the
 * token it is bound to. The token never reaches the browser after the sign-in form, so a stolen
 * cookie is worth hours (the lifetime) and one sign-out, not the token's whole life.
 */
public final class BrowserSessions {

  /** What {@link Tokens#randomSecret()} makes; anything else is not one of ours and is not looked up. */
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Duration KEEP_ENDED = Duration.ofDays(7);
  static final Duration SHORTEST = Duration.ofMinutes(5);
  static final Duration LONGEST = Duration.ofHours(24);

  private final Jdbi jdbi;
  private final TokenAuthenticator tokens;
  private final Duration lifetime;
  private final Clock clock;

  public BrowserSessions(Jdbi jdbi, Duration lifetime, Clock clock) {
    checkLifetime(lifetime);
    this.jdbi = jdbi;
    this.tokens = new TokenAuthenticator(jdbi);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A session opened by a sign-in: the id goes into the cookie and nowhere else. */
  public record Opened(String id, PavePrincipal caller, Duration lifetime) {}

  /** Signs in with an API token; empty when the token is unknown, revoked or expired. */
  public Optional<Opened> open(String token) {
    Optional<PavePrincipal> caller = tokens.authenticate(token);
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    String id = Tokens.randomSecret();
    Instant now = now();
    jdbi.useTransaction(handle -> {
      BrowserSessionDao sessions = handle.attach(BrowserSessionDao.class);
      sessions.deleteEndedBefore(now.minus(KEEP_ENDED));
      sessions.insert(Tokens.hash(id), caller.get().tokenId(), now, now.plus(lifetime));
      AuditLog.append(handle, AuditEvent.by(caller.get(), "session.signed_in", caller.get().tokenId(),
          java.util.Map.of("expiresAt", now.plus(lifetime).toString())));
    });
    return Optional.of(new Opened(id, caller.get(), lifetime));
  }

  /** The caller of an open session whose token is still active; empty for anything else. */
  public Optional<PavePrincipal> caller(String sessionId) {
    if (!looksLikeOurs(sessionId)) {
      return Optional.empty();
    }
    return jdbi.onDemand(BrowserSessionDao.class).touchOpen(Tokens.hash(sessionId), now())
        .map(TokenAuthenticator::principal);
  }

  /** Sign-out: the session ends server-side, so a copy of the cookie is worthless from now on. */
  public void close(String sessionId) {
    if (looksLikeOurs(sessionId)) {
      Instant now = now();
      jdbi.useTransaction(handle -> {
        BrowserSessionDao sessions = handle.attach(BrowserSessionDao.class);
        Optional<PavePrincipal> caller = sessions.touchOpen(Tokens.hash(sessionId), now)
            .map(TokenAuthenticator::principal);
        if (sessions.revoke(Tokens.hash(sessionId), now) == 1 && caller.isPresent()) {
          AuditLog.append(handle, AuditEvent.by(caller.get(), "session.signed_out", caller.get().tokenId(),
              java.util.Map.of()));
        }
      });
    }
  }

  /** Refuses a lifetime of seconds (useless) or of days (a stolen cookie would be worth too much). */
  static void checkLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.compareTo(SHORTEST) < 0 || lifetime.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("sessions.lifetime must be from " + SHORTEST.toMinutes() + " minutes to "
          + LONGEST.toHours() + " hours (ISO-8601, e.g. PT8H), not " + lifetime);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }

  private static boolean looksLikeOurs(String sessionId) {
    return sessionId != null && SESSION_ID.matcher(sessionId).matches();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
