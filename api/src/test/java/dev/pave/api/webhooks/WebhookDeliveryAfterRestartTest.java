package dev.pave.api.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery waiting for its next attempt survives a restart of the embedded default, whose
 * Temporal forgets every workflow: the outbox row is still pending, and the restarted Pave starts it.
 */
class WebhookDeliveryAfterRestartTest {

  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path home;

  @Test
  void aPendingDeliveryIsPickedUpAtStart() throws Exception {
    WireMockServer receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    receiver.stubFor(post("/hook").inScenario("restart").whenScenarioStateIs(STARTED)
        .willReturn(serverError()).willSetStateTo("up"));
    receiver.stubFor(post("/hook").inScenario("restart").whenScenarioStateIs("up").willReturn(ok()));
    ConfigOverride[] ports = {ConfigOverride.config("embedded.databasePort", String.valueOf(freePort())),
        ConfigOverride.config("embedded.targetPort", String.valueOf(freePort()))};
    String token;
    String endpoint;
    String deliveryId;
    DropwizardAppExtension<PaveConfiguration> first = PaveTestApp.embeddedIn(home, "pave-test-webhooks-slow.yml", ports);
    first.before();
    try {
      HttpApi api = new HttpApi(first.getLocalPort());
      token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", "ci", "team", "restart", "role", "requester"))
          .body().get("token").asText();
      endpoint = api.post(token, "/v1/webhooks", Map.of("url", "http://localhost:" + receiver.port() + "/hook",
          "events", List.of("request.awaiting_approval"))).body().get("id").asText();
      String request = api.post(token, "/v1/requests", Map.of("module", "postgres-database", "workspace", "restart-prod",
          "environment", "prod", "inputs", Map.of("database_name", "restart_prod"))).body().get("id").asText();
      api.awaitStatus(token, request, "awaiting_approval", WAIT);
      JsonNode failedOnce = awaitDelivery(api, token, endpoint, d -> d.get("attempts").asInt() == 1);
      assertThat(failedOnce.get("status").asText()).as("the next attempt is an hour away").isEqualTo("pending");
      deliveryId = failedOnce.get("id").asText();
    } finally {
      first.after();
    }

    DropwizardAppExtension<PaveConfiguration> restarted = PaveTestApp.embeddedIn(home, "pave-test-webhooks-slow.yml",
        ports);
    restarted.before();
    try {
      HttpApi api = new HttpApi(restarted.getLocalPort());
      JsonNode delivered = awaitDelivery(api, token, endpoint,
          d -> d.get("id").asText().equals(deliveryId) && d.get("status").asText().equals("delivered"));
      assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
      assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")).withHeader("webhook-id",
          equalTo(deliveryId)))).hasSize(2);
    } finally {
      restarted.after();
      receiver.stop();
    }
  }

  private static JsonNode awaitDelivery(HttpApi api, String token, String endpoint, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode log;
    do {
      log = api.get(token, "/v1/webhooks/" + endpoint + "/deliveries").body().get("deliveries");
      for (JsonNode delivery : log) {
        if (done.test(delivery)) {
          return delivery;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("no such delivery within " + WAIT + ": " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
