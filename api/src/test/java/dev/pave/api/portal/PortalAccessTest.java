package dev.pave.api.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal over real HTTP, as a browser without JavaScript uses it: sign-in, the headers of
 * every page, the catalog, the same 404 as the API for another team's request, the assets'
 * allow-list, and feedback through the API and through the request page's form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PortalAccessTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static HttpApi api;
  static BrowserHttp web;
  static String payments;
  static String paymentsColleague;
  static String search;
  static String requestId;

  @BeforeAll
  static void provision() {
    api = new HttpApi(APP.getLocalPort());
    web = new BrowserHttp(APP.getLocalPort());
    payments = issue("ci-payments", "payments", "requester");
    paymentsColleague = issue("dev-payments", "payments", "requester");
    search = issue("ci-search", "search", "requester");
    HttpApi.Reply accepted = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "portal-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "portal")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    requestId = accepted.body().get("id").asText();
    JsonNode done = api.awaitTerminal(payments, requestId, Duration.ofSeconds(90));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
  }

  static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  static String session(String token) {
    HttpResponse<String> signedIn = web.signInToPortal(token);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
    return BrowserHttp.cookie(signedIn, SessionCookie.NAME).orElseThrow();
  }

  @Test
  void withoutASessionEveryPageIsTheSignInForm() {
    for (String path : new String[] {"/", "/catalog", "/catalog/postgres-database", "/requests/" + requestId}) {
      HttpResponse<String> page = web.get(path, null);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).contains("<title>Sign in to Pave", "action=\"/session\"", "type=\"password\"")
          .doesNotContain("portal-db");
    }
    HttpResponse<String> refused = web.signInToPortal("pave_not-a-token-at-all-0123456789");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("That token is not valid");
  }

  @Test
  void everyPageCarriesTheStrictContentSecurityPolicy() {
    String cookie = session(payments);
    for (String path : new String[] {"/", "/catalog", "/catalog/postgres-database", "/requests",
        "/requests/" + requestId, "/requests/" + requestId + "/live", "/catalog/no-such-module"}) {
      HttpResponse<String> page = web.get(path, cookie);
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValue("default-src 'self';"
          + " script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self';"
          + " base-uri 'none'");
      assertThat(page.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
      assertThat(page.body()).as(path).doesNotContain("<style", "style=\"", "<script>", "onclick", "https://cdn");
    }
  }

  @Test
  void theCatalogShowsEachGoldenPathAndItsSanitizedReadme() {
    String cookie = session(payments);
    HttpResponse<String> catalog = web.get("/", cookie);
    assertThat(catalog.statusCode()).isEqualTo(200);
    assertThat(catalog.body()).contains("PostgreSQL database", "platform-team", "1.0.0", "Database name",
        "password (sensitive)", "href=\"/catalog/postgres-database\"");
    HttpResponse<String> module = web.get("/catalog/postgres-database", cookie);
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.body()).contains("<h2>What it does</h2>", "Connection limit", "<code>connection_limit</code>");
    HttpResponse<String> missing = web.get("/catalog/no-such-module", cookie);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("module no-such-module");
  }

  @Test
  void anotherTeamsRequestPageIsTheApisOwn404() {
    assertThat(api.get(search, "/v1/requests/" + requestId).status()).isEqualTo(404);
    HttpResponse<String> page = web.get("/requests/" + requestId, session(search));
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("Error 404").doesNotContain("portal-db", "ci-payments");
    assertThat(web.get("/requests/" + requestId + "/live", session(search)).statusCode()).isEqualTo(404);
    assertThat(web.get("/requests", session(search)).body()).doesNotContain(requestId);
    // "Back to the form" of another team's request: the same 404, none of its values.
    HttpResponse<String> form = web.get("/catalog/postgres-database/new?preview=" + requestId, session(search));
    assertThat(form.statusCode()).isEqualTo(404);
    assertThat(form.body()).doesNotContain("portal-db", "value=\"portal\"");
    HttpResponse<String> own = web.get("/catalog/postgres-database/new?preview=" + requestId, session(payments));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("value=\"portal-db\"", "value=\"portal\"");
  }

  @Test
  void theRequestPageShowsStepsPlanCostAndRedactedOutputs() {
    String cookie = session(payments);
    HttpResponse<String> page = web.get("/requests/" + requestId, cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("succeeded", "queue", "apply", "to add", "USD a month", "portal_owner",
        "(sensitive)").doesNotContain("hx-trigger"); // terminal: nothing polls any more
    assertThat(page.body()).contains("Resource changes", "terraform_data.database", "Terraform output",
        "<summary>apply", "Apply complete!");
    assertThat(web.get("/requests", cookie).body()).contains("/requests/" + requestId);
  }

  @Test
  void onlyTheListedAssetsAreServed() {
    HttpResponse<String> htmx = web.get("/assets/htmx-2.0.4.min.js", null);
    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000");
    assertThat(htmx.body()).contains("htmx");
    assertThat(web.get("/assets/portal.css", null).statusCode()).isEqualTo(200);
    for (String path : new String[] {"/assets/htmx.js", "/assets/..%2Fopenapi.json", "/assets/pave-test.yml",
        "/assets/%2E%2E%2Fportal%2Fportal.css"}) {
      // Jetty itself refuses an encoded separator (400); anything else not on the list is a 404.
      assertThat(web.get(path, null).statusCode()).as(path).isIn(400, 404);
    }
  }

  @Test
  void feedbackOnceByTheRequesterOfAFinishedRequest() {
    String feedback = "/v1/requests/" + requestId + "/feedback";
    assertThat(api.post(search, feedback, Map.of("score", 5)).status()).isEqualTo(404);
    assertThat(api.post(paymentsColleague, feedback, Map.of("score", 5)).status()).isEqualTo(403);
    HttpApi.Reply tooHigh = api.post(payments, feedback, Map.of("score", 6));
    assertThat(tooHigh.status()).isEqualTo(422);
    assertThat(tooHigh.body().at("/errors/0/field").asText()).isEqualTo("score");
    HttpApi.Reply tooLong = api.post(payments, feedback, Map.of("score", 4, "comment", "x".repeat(2001)));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body().at("/errors/0/field").asText()).isEqualTo("comment");

    // The page asks, once; a form without a score is refused next to the question.
    String cookie = session(payments);
    assertThat(web.get("/requests/" + requestId, cookie).body()).contains("How was this?");
    HttpResponse<String> noScore = web.post("/requests/" + requestId + "/feedback", "comment=quick", cookie);
    assertThat(noScore.statusCode()).isEqualTo(422);
    assertThat(noScore.body()).contains("How was this?", "score is required");
    HttpResponse<String> sent = web.post("/requests/" + requestId + "/feedback", "score=4&comment=quick", cookie);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(web.get("/requests/" + requestId, cookie).body()).contains("Your feedback: 4 out of 5")
        .doesNotContain("How was this?");

    HttpApi.Reply again = api.post(payments, feedback, Map.of("score", 1));
    assertThat(again.status()).isEqualTo(409);
    JsonNode audit = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=feedback.recorded&target=" + requestId).body();
    assertThat(audit.toString()).contains("feedback.recorded", "\"score\":4").doesNotContain("quick");

    JsonNode satisfaction = api.get(payments, "/v1/metrics").body().at("/satisfactionByModule/postgres-database");
    assertThat(satisfaction.get("meanScore").asDouble()).isEqualTo(4.0);
    assertThat(satisfaction.get("responses").asLong()).isEqualTo(1);
    assertThat(satisfaction.at("/responseRate/numerator").asLong()).isEqualTo(1);
    assertThat(satisfaction.at("/responseRate/denominator").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theFormIsGeneratedFromTheSchemaAndARefusalKeepsTheValuesButNoSecret() {
    String cookie = session(payments);
    HttpResponse<String> form = web.get("/catalog/postgres-database/new", cookie);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("for=\"inputs.database_name\"", "Database name (required)", "placeholder=\"orders\"",
        "type=\"number\"", "min=\"1\"", "max=\"500\"", "value=\"apply\"", "value=\"plan\"");
    // The workspace hint is the API's rule, which the shipped naming policy agrees with (WorkspaceNameRuleTest).
    assertThat(form.body()).contains("3 to 41 characters").doesNotContain("2 to 63");
    HttpResponse<String> tooShort = web.post("/catalog/postgres-database/new",
        "workspace=ab&environment=dev&ttlHours=24&inputs.database_name=short_db&action=apply", cookie);
    assertThat(tooShort.statusCode()).as("a name the naming policy would deny after a 202").isEqualTo(422);
    assertThat(tooShort.body()).contains("id=\"workspace-error\"");
    HttpResponse<String> refused = web.post("/catalog/postgres-database/new",
        "workspace=kept-db&environment=dev&ttlHours=24&inputs.database_name=Bad+Name&inputs.connection_limit=9999"
            + "&action=apply", cookie);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("id=\"inputs.database_name-error\"", "id=\"inputs.connection_limit-error\"",
        "value=\"kept-db\"", "value=\"Bad Name\"", "aria-invalid=\"true\"");
    assertThat(api.get(payments, "/v1/workspaces/kept-db").status()).isEqualTo(404);

    // The defaults as the form shows them (connection_limit 20) are accepted as typed values.
    HttpResponse<String> accepted = web.post("/catalog/postgres-database/new",
        "workspace=form-db&environment=dev&ttlHours=24&inputs.database_name=form_db&inputs.connection_limit=20"
            + "&action=apply", cookie);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
    assertThat(accepted.headers().firstValue("Location").orElseThrow()).contains("/requests/req_");
  }

  /** A hard-mandatory policy's refusal at the door stands beside the field it names (ttlHours here). */
  @Test
  void aPolicysRefusalShowsItsMessageBesideItsField() {
    String cookie = session(payments);
    HttpResponse<String> refused = web.post("/catalog/postgres-database/new",
        "workspace=form-no-ttl&environment=dev&ttlHours=&inputs.database_name=form_no_ttl&action=apply", cookie);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("<p class=\"field-error\" id=\"ttlHours-error\">Policy nonprod-ttl: Non-prod"
        + " applies must set ttlHours between 1 and 720", "aria-describedby=\"ttlHours-error\"", "value=\"form-no-ttl\"");
    assertThat(api.get(payments, "/v1/requests?workspace=form-no-ttl").body().get("requests")).isEmpty();
  }

  @Test
  void theFormOffersTheConfiguredEnvironmentsAndAnExistingWorkspaceOnlyItsOwn() {
    String cookie = session(payments);
    String blank = web.get("/catalog/postgres-database/new", cookie).body();
    assertThat(blank).contains("<select id=\"environment\"", "<option value=\"dev\" selected>dev</option>",
        "<option value=\"staging\">staging</option>", "<option value=\"prod\">prod</option>");
    String change = web.get("/catalog/postgres-database/new?workspace=portal-db", cookie).body();
    assertThat(change).contains("value=\"portal-db\"", "<option value=\"dev\" selected>dev</option>",
        "Workspace portal-db is in dev").doesNotContain("<option value=\"prod\"");
    // Another team's workspace is the API's 404 here as well: its environment is never shown.
    HttpResponse<String> other = web.get("/catalog/postgres-database/new?workspace=portal-db", session(search));
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("is in dev");
  }

  @Test
  void theAuditPagesAreForAuditorsAndAdminsOnly() {
    HttpResponse<String> refused = web.get("/audit", session(payments));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("only auditors and admins");
    assertThat(web.get("/audit/requests/" + requestId, session(payments)).statusCode()).isEqualTo(403);

    String auditor = session(issue("audit-desk", "compliance", "auditor"));
    HttpResponse<String> trail = web.get("/audit?action=request.accepted", auditor);
    assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
    assertThat(trail.body()).contains("request.accepted", "/audit/requests/" + requestId).doesNotContain("session.signed_in");
    HttpResponse<String> record = web.get("/audit/requests/" + requestId, auditor);
    assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
    assertThat(record.body()).contains("History timeline", "apply", "ci-payments");
    assertThat(web.get("/audit?since=yesterday-ish", auditor).statusCode()).isEqualTo(422);
  }

  @Test
  void revealAndDestroyArePostsOfTheOwningTeamAndCrossSitePostsAreRefused() {
    String mine = session(payments);
    String theirs = session(search);
    assertThat(web.post("/workspaces/portal-db/reveal", "", theirs).statusCode()).isEqualTo(404);
    assertThat(web.post("/workspaces/portal-db/destroy", "", theirs).statusCode()).isEqualTo(404);
    // Another site's page cannot make a signed-in browser destroy or cancel anything.
    assertThat(web.post("/workspaces/portal-db/destroy", "", mine, Map.of("Origin", "https://evil.example"))
        .statusCode()).isEqualTo(403);
    assertThat(web.post("/requests/" + requestId + "/cancel", "", mine, Map.of("Origin", "https://evil.example"))
        .statusCode()).isEqualTo(403);

    HttpResponse<String> confirm = web.get("/workspaces/portal-db/destroy", mine);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("Destroy portal-db?", "action=\"/workspaces/portal-db/destroy\"");
    assertThat(api.get(payments, "/v1/workspaces/portal-db").body().get("status").asText()).isEqualTo("live");
  }
}
