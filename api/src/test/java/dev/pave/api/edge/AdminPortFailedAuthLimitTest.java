package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin port's scrape token is a door like the API's: wrong tokens count against the
 * caller's failed-authentication limit (then 429), and the right one is still served.
 * (Its own application: the limit it reaches would block the other tests' address.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortFailedAuthLimitTest {

  static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("admin.prometheusToken", SCRAPE_TOKEN),
      ConfigOverride.config("failedAuthPerMinute", "3"));

  @Test
  void wrongScrapeTokensAreLimitedAndTheRightOneStillServed() {
    for (int i = 1; i <= 3; i++) {
      assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/prometheus", "Authorization: Bearer wrong-" + i).status())
          .as("guess %d", i).isEqualTo(401);
    }
    RawHttp.Reply limited = RawHttp.send(APP.getAdminPort(), "GET", "/prometheus", "Authorization: Bearer wrong-4");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/healthcheck").status()).as("no token: not a guess")
        .isEqualTo(401);
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/prometheus", "Authorization: Bearer " + SCRAPE_TOKEN)
        .status()).isEqualTo(200);
  }
}
