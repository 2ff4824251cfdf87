package dev.pave.api.session;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.PavePrincipal;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one sign-in of Pave's pages (the dashboard and the portal): who the browser's session cookie
 * belongs to, the token form's answer (with the API's per-address limit on failures), and
 * sign-out. Each page renders the outcome its own way; the decisions are made only here.
 */
public final class BrowserSignIn {

  private final BrowserSessions sessions;
  private final ServerOrigin origin;
  private final FailedSignIns failedSignIns;

  public BrowserSignIn(SessionFeature browser) {
    this.sessions = browser.sessions();
    this.origin = browser.origin();
    this.failedSignIns = browser.failedSignIns();
  }

  /** What a page learns from the browser's cookies. */
  public record Visit(Optional<PavePrincipal> caller, boolean sessionEnded, NewCookie[] clearCookies) {}

  /** The outcome of a posted token form. */
  public sealed interface Outcome {
    /** A wrong token past this address's limit of failures: wait this long (the form is a second door for guessing). */
    record TooMany(long retryAfterSeconds) implements Outcome {}

    record Refused() implements Outcome {}

    record SignedIn(PavePrincipal caller, NewCookie[] cookies) implements Outcome {}
  }

  /** The caller of the browser's session; an ended or unknown session asks for its cookie to be cleared. */
  public Visit visit(Map<String, Cookie> cookies, URI requestUri) {
    // No ?token= sign-in anywhere: a token in a URL lands in access logs and browser history.
    boolean https = origin.https(requestUri);
    Optional<PavePrincipal> caller = SessionCookie.read(cookies, https).flatMap(sessions::caller);
    if (caller.isEmpty() && SessionCookie.present(cookies, https)) {
      return new Visit(caller, true, SessionCookie.forget(cookies, https));
    }
    return new Visit(caller, false, new NewCookie[0]);
  }

  public Outcome signIn(String token, Map<String, Cookie> cookies, URI requestUri, String remoteAddress) {
    boolean https = origin.https(requestUri);
    // Checked first: a valid token signs in whatever others' failures from the same address.
    Optional<BrowserSessions.Opened> session = sessions.open(token);
    if (session.isEmpty()) {
      OptionalLong wait = failedSignIns.countFailure(remoteAddress);
      return wait.isPresent() ? new Outcome.TooMany(wait.getAsLong()) : new Outcome.Refused();
    }
    // Signing in again replaces the browser's session rather than leaving the old one open.
    SessionCookie.read(cookies, https).ifPresent(sessions::close);
    return new Outcome.SignedIn(session.get().caller(), SessionCookie.keep(session.get(), cookies, https));
  }

  /** Ends the session server-side (a copy of the cookie is worthless afterwards); the cookies that clear it. */
  public NewCookie[] signOut(Map<String, Cookie> cookies, URI requestUri) {
    boolean https = origin.https(requestUri);
    SessionCookie.read(cookies, https).ifPresent(sessions::close);
    return SessionCookie.forget(cookies, https);
  }
}
