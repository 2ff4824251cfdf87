package dev.pave.api.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.svix.Webhook;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries to a real HTTP receiver (WireMock), from requests that really move: three attempts
 * 0.3 s apart, three seconds each at most (pave-test-webhooks.yml).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookDeliveriesEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embeddedFrom("pave-test-webhooks.yml");
  static final Duration WAIT = Duration.ofSeconds(90);
  static final ObjectMapper JSON = new ObjectMapper();
  static WireMockServer receiver;
  static HttpApi api;

  @BeforeAll
  static void start() {
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    api = new HttpApi(APP.getLocalPort());
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttemptSignedAsStandardWebhooksSay() throws Exception {
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(serverError()).willSetStateTo("failed once"));
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed once")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
    receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("failed twice").willReturn(ok()));
    String token = issue("ci", "flaky", "requester");
    JsonNode endpoint = register(token, "/flaky", List.of("request.awaiting_approval"), "standard");
    String secret = endpoint.get("secret").asText();

    String requestId = awaitingApproval(token, "flaky-prod", "flaky_prod");
    JsonNode delivery = awaitDelivery(token, endpoint.get("id").asText(), d -> !d.get("status").asText().equals("pending"));

    assertThat(delivery.get("status").asText()).isEqualTo("delivered");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.get("lastHttpStatus").asInt()).isEqualTo(200);
    assertThat(delivery.get("event").asText()).isEqualTo("request.awaiting_approval");
    assertThat(delivery.get("requestId").asText()).isEqualTo(requestId);
    List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo("/flaky")));
    assertThat(received).hasSize(3);
    assertThat(received).extracting(r -> r.getHeader("webhook-id")).containsOnly(delivery.get("id").asText());
    LoggedRequest last = received.get(2);
    // Checked by Svix's library (the authors of Standard Webhooks), not by Pave's own code.
    new Webhook(secret).verify(last.getBodyAsString(), headersOf(last));
    assertThatThrownBy(() -> new Webhook(WebhookSecrets.newSecret()).verify(last.getBodyAsString(), headersOf(last)))
        .as("another secret does not verify it").isInstanceOf(Exception.class);
    assertThat(last.getHeader("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
    JsonNode body = JSON.readTree(last.getBodyAsString());
    assertThat(body.get("type").asText()).isEqualTo("request.awaiting_approval");
    assertThat(Instant.parse(body.get("timestamp").asText())).isBefore(Instant.now());
    JsonNode data = body.get("data");
    assertThat(data.get("requestId").asText()).isEqualTo(requestId);
    assertThat(data.get("action").asText()).isEqualTo("apply");
    assertThat(data.get("module").asText()).isEqualTo("postgres-database");
    assertThat(data.get("workspace").asText()).isEqualTo("flaky-prod");
    assertThat(data.get("environment").asText()).isEqualTo("prod");
    assertThat(data.get("team").asText()).isEqualTo("flaky");
    assertThat(data.get("status").asText()).isEqualTo("awaiting_approval");
    assertThat(last.getBodyAsString()).as("no inputs in a payload").doesNotContain("flaky_prod");

    cancel(token, requestId);
    assertThat(deliveries(token, endpoint.get("id").asText())).as("not subscribed to request.cancelled").hasSize(1);
  }

  @Test
  void aReceiverThatNeverAnswersTimesOutOnEveryAttemptAndTheDeliveryFailsAfterTheSchedule() {
    receiver.stubFor(post("/silent").willReturn(ok().withFixedDelay(8000)));
    String token = issue("ci", "silent", "requester");
    JsonNode endpoint = register(token, "/silent", List.of("request.awaiting_approval"), "standard");

    String requestId = awaitingApproval(token, "silent-prod", "silent_prod");
    JsonNode delivery = awaitDelivery(token, endpoint.get("id").asText(), d -> !d.get("status").asText().equals("pending"));

    assertThat(delivery.get("status").asText()).isEqualTo("failed");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.get("lastHttpStatus").isNull()).isTrue();
    assertThat(delivery.get("lastError").asText()).contains("no answer within 3000 ms");
    assertThat(delivery.get("finishedAt").isNull()).isFalse();
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/silent")))).hasSize(3);
    cancel(token, requestId);
  }

  @Test
  void aReceiverThatAnswersGoneDisablesItsEndpointAndGetsNothingMore() throws Exception {
    receiver.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
    String token = issue("ci", "gone", "requester");
    JsonNode endpoint = register(token, "/gone", List.of("request.awaiting_approval", "request.cancelled"), "standard");
    String id = endpoint.get("id").asText();

    String requestId = awaitingApproval(token, "gone-prod", "gone_prod");
    JsonNode delivery = awaitDelivery(token, id, d -> !d.get("status").asText().equals("pending"));
    assertThat(delivery.get("status").asText()).isEqualTo("failed");
    assertThat(delivery.get("attempts").asInt()).as("a 410 is not retried").isEqualTo(1);
    assertThat(delivery.get("lastHttpStatus").asInt()).isEqualTo(410);
    JsonNode disabled = api.get(token, "/v1/webhooks/" + id).body();
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("disabledReason").asText()).contains("410");

    cancel(token, requestId); // a request.cancelled event, which the endpoint subscribed to
    Thread.sleep(1500);
    assertThat(deliveries(token, id)).hasSize(1);
    assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/gone")))).hasSize(1);
    JsonNode audit = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=webhook.disabled&limit=100").body();
    assertThat(audit.toString()).contains(id);
  }

  @Test
  void afterARotationBothSecretsSignForTheGraceAndOnlyTheRotationShowsTheNewOne() throws Exception {
    receiver.stubFor(post("/rotated").willReturn(ok()));
    String token = issue("ci", "rotate", "requester");
    JsonNode endpoint = register(token, "/rotated", List.of("request.awaiting_approval"), "standard");
    String id = endpoint.get("id").asText();
    String oldSecret = endpoint.get("secret").asText();

    HttpApi.Reply rotated = api.post(token, "/v1/webhooks/" + id + "/rotate-secret", Map.of());
    assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
    String newSecret = rotated.body().get("secret").asText();
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
    HttpApi.Reply shown = api.get(token, "/v1/webhooks/" + id);
    assertThat(shown.raw().body()).doesNotContain(newSecret).doesNotContain(oldSecret).doesNotContain("whsec_");
    assertThat(shown.body().get("previousSecretSignsUntil").isNull()).isFalse();

    String requestId = awaitingApproval(token, "rotate-prod", "rotate_prod");
    awaitDelivery(token, id, d -> d.get("status").asText().equals("delivered"));
    LoggedRequest delivered = receiver.findAll(postRequestedFor(urlEqualTo("/rotated"))).get(0);
    assertThat(delivered.getHeader("webhook-signature").split(" ")).hasSize(2);
    new Webhook(newSecret).verify(delivered.getBodyAsString(), headersOf(delivered));
    new Webhook(oldSecret).verify(delivered.getBodyAsString(), headersOf(delivered));
    cancel(token, requestId);
  }

  @Test
  void aSlackEndpointGetsTextForAnIncomingWebhook() throws Exception {
    receiver.stubFor(post("/slack").willReturn(ok()));
    String token = issue("ci", "chat", "requester");
    JsonNode endpoint = register(token, "/slack", List.of("request.awaiting_approval"), "slack");

    String requestId = awaitingApproval(token, "chat-prod", "chat_prod");
    awaitDelivery(token, endpoint.get("id").asText(), d -> d.get("status").asText().equals("delivered"));
    JsonNode body = JSON.readTree(receiver.findAll(postRequestedFor(urlEqualTo("/slack"))).get(0).getBodyAsString());

    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText()).contains(requestId).contains("chat-prod").contains("awaiting approval");
    cancel(token, requestId);
  }

  private static JsonNode register(String token, String path, List<String> events, String format) {
    HttpApi.Reply registered = api.post(token, "/v1/webhooks",
        Map.of("url", "http://localhost:" + receiver.port() + path, "events", events, "format", format));
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    return registered.body();
  }

  private static List<JsonNode> deliveries(String token, String endpointId) {
    HttpApi.Reply log = api.get(token, "/v1/webhooks/" + endpointId + "/deliveries");
    assertThat(log.status()).as(log.raw().body()).isEqualTo(200);
    return JSON.convertValue(log.body().get("deliveries"), JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
  }

  private static JsonNode awaitDelivery(String token, String endpointId, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(WAIT);
    List<JsonNode> log;
    do {
      log = deliveries(token, endpointId);
      if (log.size() == 1 && done.test(log.get(0))) {
        return log.get(0);
      }
      pause(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("no finished delivery within " + WAIT + ": " + log);
  }

  private static Map<String, List<String>> headersOf(LoggedRequest request) {
    return Map.of("webhook-id", List.of(request.getHeader("webhook-id")),
        "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
        "webhook-signature", List.of(request.getHeader("webhook-signature")));
  }

  private static String awaitingApproval(String token, String workspace, String database) {
    HttpApi.Reply accepted = api.post(token, "/v1/requests", "{\"module\": \"postgres-database\", \"workspace\": \""
        + workspace + "\", \"environment\": \"prod\", \"inputs\": {\"database_name\": \"" + database + "\"}}");
    assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    api.awaitStatus(token, id, "awaiting_approval", WAIT);
    return id;
  }

  private static void cancel(String token, String requestId) {
    assertThat(api.post(token, "/v1/requests/" + requestId + "/cancel", Map.of()).status()).isEqualTo(200);
    api.awaitTerminal(token, requestId, WAIT);
  }

  static String issue(String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
