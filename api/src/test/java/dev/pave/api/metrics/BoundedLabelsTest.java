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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A requester names the environment of a request, so Prometheus's `environment` label must stay
 * bounded: environments are a closed list (config `environments`), a made-up one is refused at
 * the door (422) and creates no series; rows stored before the list was closed count as `other`.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BoundedLabelsTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void fiftyRequestsForMadeUpEnvironmentsAreRefusedAndCreateNoNewSeries() throws Exception {
    HttpApi api = new HttpApi(APP.getLocalPort());
    String developer = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "mallory", "team", "payments", "role", "requester")).body().get("token").asText();
    // A preview without ttlHours outside prod is denied at once by the workflow (an apply would be
    // refused at the POST): no Terraform, every series still written.
    HttpApi.Reply accepted = post(api, developer, "dev");
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    JsonNode done = api.awaitTerminal(developer, accepted.body().get("id").asText(), WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("denied");
    PrometheusText before = scrape();
    Set<String> seriesBefore = paveSeries(before);
    for (int i = 0; i < 50; i++) {
      HttpApi.Reply refused = post(api, developer, "made-up-" + i + "-" + Long.toHexString(System.nanoTime()));
      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
      assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("environment");
    }
    PrometheusText after = scrape();

    assertThat(paveSeries(after)).as("Pave's series after 50 made-up environments").isEqualTo(seriesBefore);
    assertThat(paveSeries(after)).noneMatch(series -> series.contains("made-up"));
  }

  private static HttpApi.Reply post(HttpApi api, String token, String environment) {
    return api.post(token, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "ws-" + Math.abs(environment.hashCode()), "environment", environment, "action", "plan",
        "inputs", Map.of("database_name", "db_" + Math.abs(environment.hashCode()))));
  }

  private static Set<String> paveSeries(PrometheusText scrape) {
    Set<String> series = new TreeSet<>();
    scrape.samples.keySet().stream().filter(key -> key.startsWith("pave_"))
        .forEach(series::add);
    return series;
  }

  private static PrometheusText scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + "/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusText.parse(response.body());
  }
}
