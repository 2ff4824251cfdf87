package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cursors and instants a caller forged: garbage, a NUL (which PostgreSQL refuses in text), an
 * instant PostgreSQL cannot hold. Each is a 422 naming the parameter on every list that takes
 * it, never a 500.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ListParametersOutOfRangeTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final List<String> OUT_OF_RANGE = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
      "+300000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "10000-01-01T00:00:00Z");

  @Test
  void aForgedCursorIsA422NamingCursorOnEveryList() {
    List<String> cursors = List.of(cursor("2026-01-01T00:00:00Z\nreq_\u0000x"), cursor("\u0000"),
        cursor("a\u0000b"), cursor("+999999999-12-31T23:59:59Z\nreq_x"), cursor("-999999999-01-01T00:00:00Z\nreq_x"),
        cursor("+300000-01-01T00:00:00Z\nreq_x"), cursor("after:\u0000"),
        Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, '\n', (byte) 0xc3}),
        "%00", "not base64 at all!");
    for (String path : List.of("/v1/requests", "/v1/workspaces", "/v1/audit")) {
      for (String cursor : cursors) {
        assertNamed(path + "?cursor=" + query(cursor), "cursor");
      }
    }
    assertNamed("/v1/audit?cursor=" + cursor("after:99999999999999999999"), "cursor");
  }

  @Test
  void anInstantOutsideWhatPostgresqlHoldsIsA422NamingItsParameter() {
    for (String instant : OUT_OF_RANGE) {
      for (String field : List.of("since", "until")) {
        assertNamed("/v1/audit?" + field + "=" + query(instant), field);
        assertNamed("/v1/metrics?" + field + "=" + query(instant), field);
      }
      assertNamed("/v1/audit/export?since=" + query(instant), "since");
    }
  }

  @Test
  void aNulInAnyFilterIsA422NamingItNeverA500() {
    for (String path : List.of("/v1/requests?workspace=a%00b", "/v1/requests?team=a%00b",
        "/v1/workspaces?team=a%00", "/v1/audit?actor=%00", "/v1/audit?target=x%00", "/v1/metrics?module=%00")) {
      HttpApi.Reply reply = new HttpApi(APP.getLocalPort()).get(PaveTestApp.ADMIN_TOKEN, path);
      assertThat(reply.status()).as(path + ": " + reply.raw().body()).isEqualTo(422);
    }
  }

  @Test
  void thePortalsListsAnswerTheSame422() {
    BrowserHttp web = new BrowserHttp(APP.getLocalPort());
    String admin = BrowserHttp.cookie(web.signInToPortal(PaveTestApp.ADMIN_TOKEN), SessionCookie.NAME).orElseThrow();
    for (String path : List.of("/requests?cursor=" + cursor("2026-01-01T00:00:00Z\nreq_\u0000x"),
        "/requests?cursor=" + cursor("+300000-01-01T00:00:00Z\nreq_x"), "/workspaces?cursor=" + cursor("a\u0000b"),
        "/inbox?cursor=" + cursor("-999999999-01-01T00:00:00Z\nreq_x"), "/audit?cursor=" + cursor("after:\u0000"),
        "/audit?since=" + query("-999999999-01-01T00:00:00Z"), "/audit?until=" + query("+999999999-12-31T23:59:59Z"))) {
      HttpResponse<String> page = web.get(path, admin);
      assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(422);
      assertThat(page.body()).doesNotContain("Exception");
    }
  }

  private static void assertNamed(String path, String field) {
    HttpApi.Reply reply = new HttpApi(APP.getLocalPort()).get(PaveTestApp.ADMIN_TOKEN, path);
    assertThat(reply.status()).as(path + ": " + reply.raw().body()).isEqualTo(422);
    assertThat(reply.body().get("errors").get(0).get("field").asText()).as(path).isEqualTo(field);
  }

  private static String cursor(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String query(String value) {
    return value.equals("%00") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
