package dev.pave.api.dashboard;

import static dev.pave.api.metrics.SeededRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.metrics.MetricsTestApp;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How /dashboard lets a browser in (and keeps everyone else out), and that user data is escaped. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardAccessTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static final String EVIL_TEAM = "<img src=x onerror=alert(1)>";
  static final String EVIL_MODULE = "<script>alert(2)</script>";
  static BrowserHttp web;
  static String auditor;
  static String payments;

  @BeforeAll
  static void seed() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    web = new BrowserHttp(APP.getLocalPort());
    auditor = issue(api, "wall", "platform", "auditor");
    payments = issue(api, "ci-payments", "payments", "requester");
    Instant yesterday = Instant.now().minus(Duration.ofDays(1));
    try (Connection db = TEST.connect()) {
      request("req_ok1").by("payments", "postgres-database", "dev").at(yesterday)
          .step("queue", 1000).step("init", 2000).step("plan", 3000).step("apply", 4000).write(db, "succeeded");
      request("req_evil").by(EVIL_TEAM, EVIL_MODULE, "dev").at(yesterday.plusSeconds(60))
          .step("queue", 1000).step("init", 1000).step("plan", 1000, "failed", "system")
          .error("<b>plan failed</b> & \"quoted\"").write(db, "failed");
    }
  }

  static String issue(HttpApi api, String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  @Test
  void withoutATokenItIsASmallSignInForm() {
    HttpResponse<String> page = web.get("/dashboard", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("<form", "name=\"token\"", "type=\"password\"").doesNotContain("Exception", "<svg");
  }

  @Test
  void aBadTokenIsRefusedWithTheFormAgain() {
    HttpResponse<String> page = web.signIn("pave_not-a-token");
    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.body()).contains("not valid", "<form").doesNotContain("Exception");
    assertThat(BrowserHttp.setCookies(page)).isEmpty();
    HttpResponse<String> stale = web.get("/dashboard", SessionCookie.NAME + "=made-up-or-ended");
    assertThat(stale.body()).contains("session has ended", "<form");
  }

  @Test
  void theFormOpensASessionThatShowsTheDashboard() {
    HttpResponse<String> signedIn = web.signIn(auditor);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/dashboard");
    HttpResponse<String> page = web.get("/dashboard", BrowserHttp.cookie(signedIn, SessionCookie.NAME).orElseThrow());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<svg", "all teams", "href=\"/v1/requests/req_ok1\"",
        "action=\"/dashboard/sign-out\"");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
  }

  @Test
  void aTokenInTheAddressIsNeverASignIn() {
    // A token in a URL would land in access logs and browser history: only the POSTed form signs in.
    HttpResponse<String> page = web.get("/dashboard?token=" + auditor, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form").doesNotContain("<svg");
    assertThat(page.headers().firstValue("Set-Cookie").orElse("")).doesNotContain(auditor);
  }

  @Test
  void teamAndModuleNamesAndErrorsAreEscaped() {
    String page = web.get("/dashboard", signedIn(auditor)).body();
    assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;",
        "&lt;b&gt;plan failed&lt;/b&gt; &amp; &quot;quoted&quot;");
    assertThat(page).doesNotContain(EVIL_TEAM, EVIL_MODULE, "<b>plan failed");
  }

  @Test
  void aRequesterSeesItsOwnTeamOnly() {
    String page = web.get("/dashboard", signedIn(payments)).body();
    assertThat(page).contains("team payments", "req_ok1").doesNotContain("req_evil", "onerror");
  }

  /** A Cookie header carrying a session opened with the token through the form. */
  private static String signedIn(String token) {
    return BrowserHttp.cookie(web.signIn(token), SessionCookie.NAME).orElseThrow();
  }
}
