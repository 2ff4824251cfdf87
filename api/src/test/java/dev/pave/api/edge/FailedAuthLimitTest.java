package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing bearer tokens is bounded per source address: 20 failures in a minute, then 429 with
 * Retry-After for the rest of it. Successful requests never count towards the limit, and are
 * served even while their address is over it.
 * (Its own application: the limit it reaches would block the other tests' address.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FailedAuthLimitTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void twentyFailuresAMinuteThen429AndSuccessesNeverCount() {
    HttpApi api = new HttpApi(APP.getLocalPort());
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "ci-limit", "team", "payments", "role", "requester"));
    String token = issued.body().get("token").asText();
    for (int i = 0; i < 40; i++) {
      assertThat(api.get(token, "/v1/modules").status()).as("success %d", i).isEqualTo(200);
    }
    assertThat(api.get(null, "/v1/modules").status()).as("no credentials: not a guess").isEqualTo(401);

    for (int i = 1; i <= 20; i++) {
      HttpApi.Reply guess = api.get("pave_guess-" + i, "/v1/modules");
      assertThat(guess.status()).as("failure %d is answered normally", i).isEqualTo(401);
    }
    HttpApi.Reply limited = api.get("pave_guess-21", "/v1/modules");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body().path("code").asInt()).isEqualTo(429);
    assertThat(limited.body().path("message").asText()).contains("too many failed authentications");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

    // A valid token is checked first and served, whatever others' failures from its address.
    assertThat(api.get(token, "/v1/modules").status()).isEqualTo(200);
    assertThat(api.get("pave_guess-22", "/v1/modules").status()).isEqualTo(429);
    // Requests without credentials are not guesses and are served as before.
    assertThat(api.get(null, "/v1/health").status()).isIn(200, 503);
  }
}
