package dev.pave.api.session;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site makes the
 * browser send it), Path=/ (every page of Pave shares the session). Over HTTPS it is Secure and
 * named with the {@code __Host-} prefix, which browsers accept only from a secure origin, for the
 * exact host and Path=/, so a neighbouring subdomain cannot plant or shadow it.
 */
public final class SessionCookie {

  public static final String NAME = "pave_session";
  public static final String SECURE_NAME = "__Host-" + NAME;
  /** Before sessions, the dashboard kept the raw API token in this cookie: never read, always cleared. */
  static final String LEGACY_TOKEN_COOKIE = "pave_dashboard";
  private static final String LEGACY_TOKEN_COOKIE_PATH = "/dashboard";

  private SessionCookie() {}

  /** The session id the browser sent under the name that fits the scheme (only __Host- over HTTPS). */
  public static Optional<String> read(Map<String, Cookie> cookies, boolean https) {
    Cookie cookie = cookies.get(https ? SECURE_NAME : NAME);
    return cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()
        ? Optional.empty() : Optional.of(cookie.getValue());
  }

  /** Whether the browser sent anything that claimed to be a sign-in (a session or an old token cookie). */
  public static boolean present(Map<String, Cookie> cookies, boolean https) {
    return read(cookies, https).isPresent() || cookies.containsKey(LEGACY_TOKEN_COOKIE);
  }

  /** Set-Cookie for a session just opened, plus the clearing of an old token cookie if one was sent. */
  public static NewCookie[] keep(BrowserSessions.Opened session, Map<String, Cookie> sent, boolean https) {
    List<NewCookie> cookies = new ArrayList<>(forgetLegacy(sent));
    cookies.add(cookie(https, session.id(), (int) session.lifetime().toSeconds()));
    return cookies.toArray(NewCookie[]::new);
  }

  /** Set-Cookie headers that clear the session cookie and any old token cookie the browser sent. */
  public static NewCookie[] forget(Map<String, Cookie> sent, boolean https) {
    List<NewCookie> cookies = new ArrayList<>(forgetLegacy(sent));
    cookies.add(cookie(https, "", 0));
    return cookies.toArray(NewCookie[]::new);
  }

  private static List<NewCookie> forgetLegacy(Map<String, Cookie> sent) {
    if (!sent.containsKey(LEGACY_TOKEN_COOKIE)) {
      return List.of();
    }
    return List.of(new NewCookie.Builder(LEGACY_TOKEN_COOKIE).value("").path(LEGACY_TOKEN_COOKIE_PATH).maxAge(0)
        .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
  }

  private static NewCookie cookie(boolean https, String value, int maxAgeSeconds) {
    return new NewCookie.Builder(https ? SECURE_NAME : NAME).value(value).path("/").maxAge(maxAgeSeconds)
        .httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).build();
  }
}
