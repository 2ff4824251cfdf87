package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a trusted proxy (here loopback, the test's own address), the failed-authentication limit
 * keys on the right-most X-Forwarded-For hop that is not a trusted proxy: the address the proxy
 * saw. What a client writes to the left of it changes nothing. Each test uses client addresses
 * of its own (header strings only), so their budgets do not mix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientBehindTrustedProxiesTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("server.applicationConnectors[0].useForwardedHeaders", "true"),
      ConfigOverride.config("trustedProxies", "127.0.0.1,::1"));

  static final int LIMIT = 20;

  @Test
  void theRightMostUntrustedHopIsTheClient() {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(calls.status("pave_guess-" + i, "203.0.113.9, 198.51.100.7")).as("guess %d", i).isEqualTo(401);
    }
    assertThat(calls.status("pave_guess-over", "203.0.113.9, 198.51.100.7")).isEqualTo(429);
    // A different left-most value is the same client: it does not escape.
    assertThat(calls.status("pave_guess-rotated", "192.0.2.77, 198.51.100.7")).isEqualTo(429);
    assertThat(calls.status("pave_guess-rotated", "192.0.2.77,198.51.100.7, 127.0.0.1")).isEqualTo(429);
    // The left-most value was never the key.
    assertThat(calls.status("pave_guess-left", "203.0.113.9")).isEqualTo(401);
  }

  @Test
  void aForgedLeftMostValueCannotLockOutAVictimsAddress() {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    String token = token("forwarded-victim");
    String victim = "192.0.2.50";
    for (int i = 1; i <= LIMIT + 5; i++) {
      calls.status("pave_guess-" + i, victim + ", 198.51.100.66"); // the attacker's own hop is appended by the proxy
    }
    assertThat(calls.status("pave_guess-attacker", victim + ", 198.51.100.66")).isEqualTo(429);
    assertThat(calls.status("pave_wrong-once", victim)).as("the victim's own first failure").isEqualTo(401);
    assertThat(calls.status(token, victim)).isEqualTo(200);
  }

  @Test
  void aValidTokenPassesWhileItsAddressIsOverTheLimit() {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    String token = token("forwarded-over-limit");
    String runner = "198.51.100.20";
    for (int i = 1; i <= LIMIT; i++) {
      assertThat(calls.status("pave_guess-" + i, runner)).isEqualTo(401);
    }
    assertThat(calls.status("pave_guess-over", runner)).isEqualTo(429);
    for (int i = 0; i < 5; i++) {
      assertThat(calls.status(token, runner)).as("valid call %d while over the limit", i).isEqualTo(200);
    }
    assertThat(calls.status("pave_guess-still", runner)).as("wrong tokens are still refused").isEqualTo(429);
  }

  @Test
  void thePortalsSignInFormSharesTheBudgetAndAValidTokenStillSignsIn() {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    BrowserHttp web = new BrowserHttp(APP.getLocalPort());
    String token = token("forwarded-form");
    String browser = "198.51.100.40";
    for (int i = 1; i <= LIMIT; i++) {
      calls.status("pave_guess-" + i, browser);
    }
    Map<String, String> fromBrowser = Map.of("Origin", web.origin(), "X-Forwarded-For", browser);
    HttpResponse<String> wrong = web.post("/session", "token=pave_guess-form", null, fromBrowser);
    assertThat(wrong.statusCode()).isEqualTo(429);
    assertThat(wrong.headers().firstValue("Retry-After")).isPresent();
    assertThat(web.post("/session", "token=" + token, null, fromBrowser).statusCode()).isEqualTo(303);
    assertThat(web.post("/session", "token=pave_guess-other", null,
        Map.of("Origin", web.origin(), "X-Forwarded-For", "198.51.100.41")).statusCode())
        .as("another client's own first failure").isEqualTo(401);
  }

  @Test
  void concurrentWrongTokensGetExactlyTheLimitOf401s() throws Exception {
    ForwardedCalls calls = new ForwardedCalls(APP.getLocalPort());
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 640; i++) {
        String guess = "pave_concurrent-" + i;
        answers.add(pool.submit(() -> calls.status(guess, "198.51.100.30")));
      }
      int unauthorized = 0;
      int limited = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get(60, TimeUnit.SECONDS);
        unauthorized += status == 401 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }
      assertThat(unauthorized).as("wrong tokens answered as failures").isEqualTo(LIMIT);
      assertThat(limited).isEqualTo(640 - LIMIT);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String token(String name) {
    HttpApi api = new HttpApi(APP.getLocalPort());
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", name, "team", "payments", "role", "requester"));
    assertThat(issued.status()).isEqualTo(201);
    return issued.body().get("token").asText();
  }
}
