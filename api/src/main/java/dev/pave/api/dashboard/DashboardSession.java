package dev.pave.api.dashboard;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.TokenAuthenticator;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;

/**
 * A browser cannot send a bearer header from a bookmark, so the dashboard takes the token once
 * (from its form, or ?token= for kiosk setups) and keeps it in a cookie the page's own scripts
 * (there are none) could not read (HttpOnly), that no other site can make the browser send
 * (SameSite=Strict), limited to /dashboard. The token is checked again on every view, so
 * revoking or expiring it ends the session at once; nothing is stored server-side, so any
 * server of a cluster can serve the page.
 */
final class DashboardSession {

  static final String COOKIE = "pave_dashboard";
  private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;

  private final TokenAuthenticator tokens;

  DashboardSession(TokenAuthenticator tokens) {
    this.tokens = tokens;
  }

  Optional<PavePrincipal> authenticate(String token) {
    return token == null || token.isBlank() ? Optional.empty() : tokens.authenticate(token.trim());
  }

  static NewCookie keep(String token, boolean secure) {
    return cookie(token.trim(), MAX_AGE_SECONDS, secure);
  }

  static NewCookie forget(boolean secure) {
    return cookie("", 0, secure);
  }

  private static NewCookie cookie(String value, int maxAge, boolean secure) {
    return new NewCookie.Builder(COOKIE).value(value).path("/dashboard").maxAge(maxAge).httpOnly(true)
        .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
  }
}
