package dev.pave.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pave behind a TLS-terminating proxy: the request it sees is plain http, but publicUrl says
 * browsers reach it over https, so the cookie is Secure and __Host- prefixed, and browser POSTs
 * must come from the public origin.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserSessionOverHttpsTest {

  static final String PUBLIC = "https://pave.example.test";
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("publicUrl", PUBLIC + "/"), ConfigOverride.config("sessions.lifetime", "PT2H"));
  static BrowserHttp web;
  static String token;

  @BeforeAll
  static void issue() {
    web = new BrowserHttp(APP.getLocalPort());
    token = new HttpApi(APP.getLocalPort()).post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "wall", "team", "platform", "role", "auditor")).body().get("token").asText();
  }

  @Test
  void theCookieIsSecureWithTheHostPrefixAndTheConfiguredLifetime() {
    HttpResponse<String> signedIn = web.post("/dashboard", "token=" + token, null, Map.of("Origin", PUBLIC));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.SECURE_NAME).orElseThrow())
        .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/;", "Max-Age=7200").doesNotContain("Domain", token);
    assertThat(BrowserHttp.setCookie(signedIn, SessionCookie.NAME)).isEmpty();

    String cookie = BrowserHttp.cookie(signedIn, SessionCookie.SECURE_NAME).orElseThrow();
    assertThat(web.get("/dashboard", cookie).body()).contains("<svg");
    // Over https only the __Host- cookie counts: one without the prefix could have been planted.
    String unprefixed = cookie.substring("__Host-".length());
    assertThat(web.get("/dashboard", unprefixed).body()).contains("<form").doesNotContain("<svg");
  }

  @Test
  void postsMustComeFromThePublicOriginNotTheAddressPaveHappensToSee() {
    HttpResponse<String> refused = web.post("/dashboard", "token=" + token, null, Map.of("Origin", web.origin()));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"field\":\"Origin\"", PUBLIC);
  }
}
