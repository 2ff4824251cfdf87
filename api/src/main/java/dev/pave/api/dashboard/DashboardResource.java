package dev.pave.api.dashboard;

import dev.pave.api.auth.FailedSignIns;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.metrics.MetricsReport;
import dev.pave.api.metrics.MetricsService;
import dev.pave.api.metrics.RecentRequests;
import dev.pave.api.session.BrowserSessions;
import dev.pave.api.session.ServerOrigin;
import dev.pave.api.session.SessionCookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * GET /dashboard: the page, or the sign-in form; POST /dashboard: the form's answer, which opens a
 * browser session; POST /dashboard/sign-out ends it. Cross-site POSTs never get here
 * ({@link dev.pave.api.session.SameOriginPosts}).
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

  static final int WEEKS = 12;
  private static final int NOTABLE = 8;

  private final BrowserSessions sessions;
  private final ServerOrigin origin;
  private final FailedSignIns failedSignIns;
  private final MetricsService metrics;
  private final Clock clock;

  DashboardResource(BrowserSessions sessions, ServerOrigin origin, FailedSignIns failedSignIns, MetricsService metrics,
      Clock clock) {
    this.sessions = sessions;
    this.origin = origin;
    this.failedSignIns = failedSignIns;
    this.metrics = metrics;
    this.clock = clock;
  }

  @GET
  public Response view(@Context HttpHeaders headers, @Context UriInfo uri) {
    // No ?token= sign-in: a token in a URL lands in access logs and browser history.
    boolean https = origin.https(uri.getRequestUri());
    Map<String, Cookie> cookies = headers.getCookies();
    Optional<PavePrincipal> caller = SessionCookie.read(cookies, https).flatMap(sessions::caller);
    if (caller.isEmpty()) {
      if (!SessionCookie.present(cookies, https)) {
        return page(200, LoginPage.render(null)).build();
      }
      return page(200, LoginPage.render("Your session has ended; sign in again."))
          .cookie(SessionCookie.forget(cookies, https)).build();
    }
    return page(200, dashboard(caller.get())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context HttpServletRequest request) {
    boolean https = origin.https(uri.getRequestUri());
    String address = request.getRemoteAddr();
    // The form is a second door for guessing tokens: it shares the API's per-address limit.
    OptionalLong wait = failedSignIns.retryAfterSeconds(address);
    if (wait.isPresent()) {
      return page(429, LoginPage.render("Too many failed sign-ins from your address; try again in "
          + wait.getAsLong() + " s.")).header("Retry-After", wait.getAsLong()).build();
    }
    Optional<BrowserSessions.Opened> session = sessions.open(token);
    if (session.isEmpty()) {
      failedSignIns.recordFailure(address);
      return page(401, LoginPage.render("That token is not valid (unknown, revoked or expired).")).build();
    }
    // Signing in again replaces the browser's session rather than leaving the old one open.
    SessionCookie.read(headers.getCookies(), https).ifPresent(sessions::close);
    return Response.seeOther(URI.create("/dashboard"))
        .cookie(SessionCookie.keep(session.get(), headers.getCookies(), https))
        .header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("/sign-out")
  public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
    boolean https = origin.https(uri.getRequestUri());
    SessionCookie.read(headers.getCookies(), https).ifPresent(sessions::close);
    return Response.seeOther(URI.create("/dashboard")).cookie(SessionCookie.forget(headers.getCookies(), https))
        .header("Cache-Control", "no-store").build();
  }

  private String dashboard(PavePrincipal caller) {
    Instant now = clock.instant();
    // Whole weeks, so every point of a trend but the current one covers seven days.
    Instant thisWeek = now.truncatedTo(ChronoUnit.DAYS)
        .minus(Duration.ofDays(now.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() - 1));
    Instant since = thisWeek.minus(Duration.ofDays(7L * (WEEKS - 1)));
    MetricsReport report = metrics.report(caller, since.toString(), now.toString(), null, null, null, "12");
    RecentRequests recent = metrics.recent(caller, Duration.ofDays(7), NOTABLE);
    String scope = caller.seesAllTeams() ? "all teams" : "team " + caller.team();
    return DashboardPage.render(report, recent, scope, WEEKS);
  }

  private static Response.ResponseBuilder page(int status, String html) {
    return Response.status(status).type("text/html; charset=utf-8").entity(html)
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        .header("X-Content-Type-Options", "nosniff")
        // Not no-referrer: with it browsers send "Origin: null" on the page's own form posts, which
        // the same-origin check of browser POSTs must then refuse. Nothing leaves Pave's origin either way.
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store");
  }
}
