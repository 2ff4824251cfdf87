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
 * With a scrape token configured (for an admin port reachable from elsewhere), Prometheus and the
 * health check answer only to it, and it is compared whole.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusTokenTest {

  static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789abcdef";
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("admin.prometheusToken", SCRAPE_TOKEN),
      ConfigOverride.config("server.adminConnectors[0].bindHost", "0.0.0.0"));

  @Test
  void prometheusNeedsTheToken() {
    RawHttp.Reply without = RawHttp.send(APP.getAdminPort(), "GET", "/prometheus");
    assertThat(without.status()).isEqualTo(401);
    assertThat(without.json().path("code").asInt()).isEqualTo(401);
    assertThat(without.header("WWW-Authenticate")).startsWith("Bearer");

    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/prometheus", "Authorization: Bearer wrong").status())
        .isEqualTo(401);
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/prometheus",
        "Authorization: Bearer " + SCRAPE_TOKEN.substring(0, 20)).status()).isEqualTo(401);

    RawHttp.Reply with = RawHttp.send(APP.getAdminPort(), "GET", "/prometheus", "Authorization: Bearer " + SCRAPE_TOKEN);
    assertThat(with.status()).isEqualTo(200);
    assertThat(with.body()).contains("pave_metrics_database_up");
  }

  @Test
  void theHealthCheckNeedsItToo() {
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/healthcheck").status()).isEqualTo(401);
    assertThat(RawHttp.send(APP.getAdminPort(), "GET", "/healthcheck", "Authorization: Bearer " + SCRAPE_TOKEN)
        .status()).isEqualTo(200);
  }

  @Test
  void theTokenOpensNoTask() {
    RawHttp.Reply reply = RawHttp.send(APP.getAdminPort(), "POST", "/tasks/log-level?logger=org.eclipse.jetty&level=DEBUG",
        "Content-Length: 0", "Authorization: Bearer " + SCRAPE_TOKEN);
    assertThat(reply.status()).isEqualTo(404);
  }
}
