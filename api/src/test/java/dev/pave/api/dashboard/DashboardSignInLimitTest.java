package dev.pave.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in form is a second door for guessing tokens: its failures count towards the same
 * per-address limit as the API's bearer tokens, and past it both doors answer a failure with 429.
 * (Its own application: the limit it reaches would block the other tests' address.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardSignInLimitTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void failedSignInsThroughTheFormAreLimitedLikeBearerTokens() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "wall-screen", "team", "platform", "role", "auditor")).body().get("token").asText();
    BrowserHttp browser = new BrowserHttp(APP.getLocalPort());

    for (int i = 1; i <= 20; i++) {
      assertThat(browser.signIn("pave_guess-" + i).statusCode()).as("failure %d is answered normally", i).isEqualTo(401);
    }
    HttpResponse<String> limited = browser.signIn("pave_guess-21");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Too many failed sign-ins");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

    // A valid token is never refused for the failures of others at its address (issue 16): it is
    // checked first and served; only failures are refused past the limit (docs/security.md).
    assertThat(browser.signIn(token).statusCode()).as("a valid token still signs in").isEqualTo(303);
    assertThat(api.get(token, "/v1/modules").status()).as("and still reaches the API").isEqualTo(200);
    assertThat(api.get("pave_guess-22", "/v1/modules").status()).as("the API shares the limit").isEqualTo(429);
  }
}
