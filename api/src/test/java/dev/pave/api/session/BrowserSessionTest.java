package dev.pave.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.auth.Tokens;
import dev.pave.api.metrics.MetricsTestApp;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Browser sessions over real HTTP against the dashboard's pages, with Pave's own database as the
 * witness: what the cookie holds, what the table holds, and every way a session ends.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserSessionTest {

  static final MetricsTestApp TEST = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = TEST.app;
  static final ObjectMapper JSON = new ObjectMapper();
  static HttpApi api;
  static BrowserHttp web;

  @BeforeAll
  static void connect() {
    api = new HttpApi(APP.getLocalPort());
    web = new BrowserHttp(APP.getLocalPort());
  }

  @Test
  void theCookieHoldsARandomSessionIdNeverTheTokenAndTheTableOnlyItsHash() throws Exception {
    Issued wall = issue("wall-cookie", "auditor");
    HttpResponse<String> signedIn = web.signIn(wall.token);

    String setCookie = BrowserHttp.setCookie(signedIn, SessionCookie.NAME).orElseThrow();
    assertThat(setCookie).doesNotContain(wall.token).doesNotContain(wall.token.substring(Tokens.PREFIX.length()))
        .contains("HttpOnly", "SameSite=Strict", "Path=/;", "Max-Age=28800").doesNotContain("Secure");
    String sessionId = BrowserHttp.cookie(signedIn, SessionCookie.NAME).orElseThrow()
        .substring(SessionCookie.NAME.length() + 1);
    assertThat(sessionId).matches("[A-Za-z0-9_-]{43}");
    assertThat(BrowserHttp.setCookies(signedIn)).noneMatch(c -> c.contains(wall.token));

    try (Connection db = TEST.connect(); PreparedStatement sql = db.prepareStatement(
        "SELECT id_hash, token_id, expires_at - created_at AS lifetime FROM browser_sessions WHERE token_id = ?")) {
      sql.setString(1, wall.id);
      ResultSet row = sql.executeQuery();
      assertThat(row.next()).isTrue();
      assertThat(row.getString("id_hash")).isEqualTo(Tokens.hash(sessionId)).doesNotContain(sessionId);
      assertThat(row.getString("lifetime")).isEqualTo("08:00:00");
      assertThat(row.next()).isFalse();
    }
  }

  @Test
  void anOldCookieHoldingARawTokenIsIgnoredAndCleared() {
    Issued wall = issue("wall-legacy", "auditor");
    HttpResponse<String> page = web.get("/dashboard", "pave_dashboard=" + wall.token);
    assertThat(page.body()).contains("<form").doesNotContain("<svg");
    assertThat(BrowserHttp.setCookie(page, "pave_dashboard").orElseThrow()).contains("Max-Age=0", "Path=/dashboard");
  }

  @Test
  void revokingTheTokenEndsItsSessionsAtOnce() throws Exception {
    Issued wall = issue("wall-revoked", "auditor");
    String cookie = signedIn(wall.token);
    assertThat(web.get("/dashboard", cookie).body()).contains("<svg");

    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + wall.id).status()).isEqualTo(204);

    HttpResponse<String> after = web.get("/dashboard", cookie);
    assertThat(after.body()).contains("session has ended", "<form").doesNotContain("<svg");
    assertThat(BrowserHttp.setCookie(after, SessionCookie.NAME).orElseThrow()).contains("Max-Age=0");
    assertThat(openSessionsOf(wall.id)).isZero();
  }

  @Test
  void anExpiredSessionStopsWorking() throws Exception {
    Issued wall = issue("wall-expired", "auditor");
    String cookie = signedIn(wall.token);
    assertThat(web.get("/dashboard", cookie).body()).contains("<svg");
    try (Connection db = TEST.connect(); PreparedStatement sql = db.prepareStatement(
        "UPDATE browser_sessions SET expires_at = now() - interval '1 second' WHERE token_id = ?")) {
      sql.setString(1, wall.id);
      assertThat(sql.executeUpdate()).isEqualTo(1);
    }
    assertThat(web.get("/dashboard", cookie).body()).contains("session has ended", "<form").doesNotContain("<svg");
  }

  @Test
  void signOutEndsTheSessionServerSideSoAReplayedCookieFails() throws Exception {
    Issued wall = issue("wall-sign-out", "auditor");
    String cookie = signedIn(wall.token);
    assertThat(web.get("/dashboard", cookie).body()).contains("<svg");

    HttpResponse<String> out = web.post("/dashboard/sign-out", "", cookie);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(BrowserHttp.setCookie(out, SessionCookie.NAME).orElseThrow()).startsWith(SessionCookie.NAME + "=;")
        .contains("Max-Age=0");

    assertThat(web.get("/dashboard", cookie).body()).contains("<form").doesNotContain("<svg");
    assertThat(openSessionsOf(wall.id)).isZero();
  }

  @Test
  void signingInAgainClosesTheBrowsersPreviousSession() throws Exception {
    Issued wall = issue("wall-again", "auditor");
    String first = signedIn(wall.token);
    HttpResponse<String> again = web.post("/dashboard", "token=" + wall.token, first);
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(web.get("/dashboard", first).body()).contains("<form").doesNotContain("<svg");
    assertThat(openSessionsOf(wall.id)).isOne();
  }

  @Test
  void aCrossSitePostToSignInIsRefusedAndOpensNoSession() throws Exception {
    Issued wall = issue("wall-csrf", "auditor");
    String form = "token=" + wall.token;
    for (Map<String, String> headers : java.util.List.of(
        Map.of("Origin", "https://evil.example"),
        Map.of("Origin", "null"),
        Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"),
        Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "same-origin"),
        Map.of("Sec-Fetch-Site", "cross-site"),
        Map.of("Sec-Fetch-Site", "same-site"),
        Map.<String, String>of())) {
      HttpResponse<String> refused = web.post("/dashboard", form, null, headers);
      assertThat(refused.statusCode()).as("%s", headers).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.get("code").asInt()).isEqualTo(403);
      assertThat(error.get("errors").get(0).get("field").asText()).isIn("Origin", "Sec-Fetch-Site");
      assertThat(refused.body()).doesNotContain(wall.token, "<html");
      assertThat(BrowserHttp.setCookies(refused)).isEmpty();
    }
    assertThat(sessionsOf(wall.id)).isZero();

    // Without a real Origin, a browser's own Sec-Fetch-Site: same-origin is enough.
    HttpResponse<String> sameOrigin = web.post("/dashboard", form, null, Map.of("Sec-Fetch-Site", "same-origin"));
    assertThat(sameOrigin.statusCode()).isEqualTo(303);
    HttpResponse<String> opaque = web.post("/dashboard", form, null,
        Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"));
    assertThat(opaque.statusCode()).isEqualTo(303);
    assertThat(sessionsOf(wall.id)).isEqualTo(2);
  }

  @Test
  void aCrossSiteSignOutIsRefusedAndTheSessionLives() throws Exception {
    Issued wall = issue("wall-csrf-out", "auditor");
    String cookie = signedIn(wall.token);
    HttpResponse<String> refused = web.post("/dashboard/sign-out", "", cookie, Map.of("Origin", "https://evil.example"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(openSessionsOf(wall.id)).isOne();
    assertThat(web.get("/dashboard", cookie).body()).contains("<svg");
  }

  @Test
  void aForwardedProtoHeaderDoesNotMakeTheCookieSecureUnlessConfigured() {
    // Any client can send X-Forwarded-Proto; only publicUrl (or useForwardedHeaders from a trusted proxy) is trusted.
    Issued wall = issue("wall-forwarded", "auditor");
    HttpResponse<String> signedIn = web.post("/dashboard", "token=" + wall.token, null,
        Map.of("Origin", web.origin(), "X-Forwarded-Proto", "https"));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.NAME).orElseThrow()).doesNotContain("Secure");
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.SECURE_NAME)).isEmpty();
  }

  @Test
  void apiClientsWithABearerTokenAreNotBrowsersAndPassAsBefore() {
    HttpApi.Reply created = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-no-origin", "team", "platform", "role", "auditor"));
    assertThat(created.status()).isEqualTo(201);
    // A script's mistaken form body gets the API's own answer (send JSON), not a cross-site refusal.
    HttpResponse<String> form = web.post("/v1/tokens", "name=x", null,
        Map.of("Authorization", "Bearer " + PaveTestApp.ADMIN_TOKEN));
    assertThat(form.statusCode()).isEqualTo(415);
  }

  private record Issued(String id, String token) {}

  private static Issued issue(String name, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", "platform",
        "role", role));
    assertThat(reply.status()).isEqualTo(201);
    return new Issued(reply.body().get("id").asText(), reply.body().get("token").asText());
  }

  private static String signedIn(String token) {
    HttpResponse<String> signedIn = web.signIn(token);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    return BrowserHttp.cookie(signedIn, SessionCookie.NAME).orElseThrow();
  }

  private static int sessionsOf(String tokenId) throws SQLException {
    return count("SELECT count(*) FROM browser_sessions WHERE token_id = ?", tokenId);
  }

  private static int openSessionsOf(String tokenId) throws SQLException {
    return count("SELECT count(*) FROM browser_sessions WHERE token_id = ? AND revoked_at IS NULL", tokenId);
  }

  private static int count(String query, String tokenId) throws SQLException {
    try (Connection db = TEST.connect(); PreparedStatement sql = db.prepareStatement(query)) {
      sql.setString(1, tokenId);
      ResultSet result = sql.executeQuery();
      result.next();
      return result.getInt(1);
    }
  }
}
