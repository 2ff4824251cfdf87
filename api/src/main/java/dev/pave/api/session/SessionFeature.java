package dev.pave.api.session;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.auth.FailedSignIns;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions for every page Pave serves (the dashboard now, the portal later): the session
 * store, where Pave is reached, and the same-origin check that guards every browser POST.
 */
/**
 * Browser sessions for every page Pave serves: the sessions, Pave's own origin (for the
 * same-origin check of browser POSTs) and the per-address limit on failed sign-ins, which a
 * sign-in form shares with the API's bearer tokens.
 */
public record SessionFeature(BrowserSessions sessions, ServerOrigin origin, FailedSignIns failedSignIns) {

  /**
   * Fails the start with a clear message when {@code publicUrl} or {@code sessions.lifetime} is
   * invalid; called before any database starts, so a typo leaves nothing running.
   */
  public static void check(PaveConfiguration config) {
    ServerOrigin.from(config.publicUrl);
    BrowserSessions.checkLifetime(config.sessions.lifetime);
  }

  public static SessionFeature register(Environment environment, Jdbi jdbi, PaveConfiguration config, Clock clock,
      FailedSignIns failedSignIns) {
    ServerOrigin origin = ServerOrigin.from(config.publicUrl);
    BrowserSessions sessions = new BrowserSessions(jdbi, config.sessions.lifetime, clock);
    environment.jersey().register(new SameOriginPosts(origin));
    return new SessionFeature(sessions, origin, failedSignIns);
  }
}
