package dev.pave.api.dashboard;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.metrics.MetricsReport;
import dev.pave.api.metrics.MetricsService;
import dev.pave.api.metrics.RecentRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** GET /dashboard: the page, or the sign-in form; POST /dashboard: the form's answer. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

  static final int WEEKS = 12;
  private static final int NOTABLE = 8;

  private final DashboardSession session;
  private final MetricsService metrics;
  private final Clock clock;

  DashboardResource(DashboardSession session, MetricsService metrics, Clock clock) {
    this.session = session;
    this.metrics = metrics;
    this.clock = clock;
  }

  @GET
  public Response view(@CookieParam(DashboardSession.COOKIE) String cookie,
      @HeaderParam("X-Forwarded-Proto") String forwardedProto, @Context UriInfo uri) {
    // No ?token= sign-in: a token in a URL lands in access logs and browser history.
    boolean secure = secure(uri, forwardedProto);
    Optional<PavePrincipal> caller = session.authenticate(cookie);
    if (caller.isEmpty()) {
      String problem = cookie == null || cookie.isEmpty() ? null : "Your token is no longer valid; paste a new one.";
      return page(200, LoginPage.render(problem)).cookie(DashboardSession.forget(secure)).build();
    }
    return page(200, dashboard(caller.get())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(@FormParam("token") String token, @HeaderParam("X-Forwarded-Proto") String forwardedProto,
      @Context UriInfo uri) {
    return signIn(token, secure(uri, forwardedProto));
  }

  private Response signIn(String token, boolean secure) {
    if (session.authenticate(token).isEmpty()) {
      return page(401, LoginPage.render("That token is not valid (unknown, revoked or expired).")).build();
    }
    return Response.seeOther(URI.create("/dashboard")).cookie(DashboardSession.keep(token, secure))
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
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
  }

  private static boolean secure(UriInfo uri, String forwardedProto) {
    return "https".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
  }
}
