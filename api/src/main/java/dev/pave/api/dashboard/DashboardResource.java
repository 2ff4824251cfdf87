package dev.pave.api.dashboard;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.metrics.MetricsReport;
import dev.pave.api.metrics.MetricsService;
import dev.pave.api.metrics.RecentRequests;
import dev.pave.api.session.BrowserSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
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

  private final BrowserSignIn signIn;
  private final MetricsService metrics;
  private final Clock clock;

  DashboardResource(BrowserSignIn signIn, MetricsService metrics, Clock clock) {
    this.signIn = signIn;
    this.metrics = metrics;
    this.clock = clock;
  }

  @GET
  public Response view(@Context HttpHeaders headers, @Context UriInfo uri) {
    BrowserSignIn.Visit visit = signIn.visit(headers.getCookies(), uri.getRequestUri());
    if (visit.caller().isPresent()) {
      return page(200, dashboard(visit.caller().get())).build();
    }
    return page(200, LoginPage.render(visit.sessionEnded() ? "Your session has ended; sign in again." : null))
        .cookie(visit.clearCookies()).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context HttpServletRequest request) {
    BrowserSignIn.Outcome outcome = signIn.signIn(token, headers.getCookies(), uri.getRequestUri(),
        request.getRemoteAddr());
    if (outcome instanceof BrowserSignIn.Outcome.TooMany tooMany) {
      return page(429, LoginPage.render("Too many failed sign-ins from your address; try again in "
          + tooMany.retryAfterSeconds() + " s.")).header("Retry-After", tooMany.retryAfterSeconds()).build();
    }
    if (outcome instanceof BrowserSignIn.Outcome.SignedIn signedIn) {
      return Response.seeOther(URI.create("/dashboard")).cookie(signedIn.cookies())
          .header("Cache-Control", "no-store").build();
    }
    return page(401, LoginPage.render("That token is not valid (unknown, revoked or expired).")).build();
  }

  @POST
  @Path("/sign-out")
  public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
    return Response.seeOther(URI.create("/dashboard")).cookie(signIn.signOut(headers.getCookies(), uri.getRequestUri()))
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
