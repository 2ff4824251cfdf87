package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code useForwardedHeaders: true} (as the docs once advised behind any proxy) and no
 * trusted proxies, a client's forwarded headers are ignored: it can neither rotate its way out
 * of the failed-authentication limit nor make Pave believe it was reached over HTTPS.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ForwardedHeadersFromUntrustedPeersTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"));

  @Test
  void rotatingXForwardedForDoesNotEscapeTheLimit() {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    for (int i = 1; i <= 20; i++) {
      assertThat(calls.status("pave_guess-" + i, "203.0.113." + i)).as("guess %d", i).isEqualTo(401);
    }
    HttpResponse<String> refused = calls.get("pave_guess-21", "203.0.113.21");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(calls.status("pave_guess-22", "198.51.100.1, 203.0.113.22")).isEqualTo(429);
    assertThat(calls.status("pave_guess-23", null)).isEqualTo(429);
  }

  @Test
  void aForwardedProtoFromAnUntrustedPeerDoesNotMakeTheOriginHttps() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "forwarded-proto", "team", "platform", "role", "auditor")).body().get("token").asText();
    BrowserHttp web = new BrowserHttp(APP.getLocalPort());
    HttpResponse<String> signedIn = web.post("/dashboard", "token=" + token, null,
        Map.of("Origin", web.origin(), "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.NAME).orElseThrow()).doesNotContain("Secure");
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.SECURE_NAME)).isEmpty();
  }
}
