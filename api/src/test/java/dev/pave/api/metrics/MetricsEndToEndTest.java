package dev.pave.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real write path: a request through the workflow and Terraform, then the same run seen in
 * /v1/metrics (its steps add up) and on /prometheus, with no seeding at all.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();

  @Test
  void aRealRunShowsUpInBothPlaces() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    HttpApi.Reply accepted = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "metrics-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "metrics")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    JsonNode done = api.awaitTerminal(PaveTestApp.ADMIN_TOKEN, accepted.body().get("id").asText(), Duration.ofSeconds(90));
    assertThat(done.get("status").asText()).isEqualTo("succeeded");

    JsonNode metrics = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/metrics").body();
    JsonNode lead = metrics.get("leadTime");
    assertThat(lead.get("count").asLong()).isEqualTo(1);
    assertThat(lead.get("p50Ms").asLong()).isEqualTo(done.get("leadTimeMs").asLong());
    long steps = 0;
    for (JsonNode step : done.get("steps")) {
      steps += step.get("durationMs").asLong();
    }
    assertThat(lead.get("queueMs").asLong() + lead.get("machineMs").asLong() + lead.get("humanMs").asLong())
        .isEqualTo(steps);
    assertThat(metrics.at("/selfServiceRate/value").asDouble()).isEqualTo(1.0);
    assertThat(metrics.at("/adoption/liveWorkspaces").asLong()).isEqualTo(1);

    String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    PrometheusText parsed = PrometheusText.parse(scrape);
    // The admin token of PaveTestApp belongs to team "platform".
    String[] labels = {"module", "postgres-database", "environment", "dev", "team", "platform", "outcome", "succeeded"};
    assertThat(parsed.value("pave_requests_total", labels)).isEqualTo(1.0);
    assertThat(parsed.value("pave_request_duration_seconds_sum", labels))
        .isEqualTo(done.get("leadTimeMs").asLong() / 1000.0);
    assertThat(parsed.value("pave_workspaces_live", "module", "postgres-database", "environment", "dev",
        "team", "platform")).isEqualTo(1.0);
  }
}
