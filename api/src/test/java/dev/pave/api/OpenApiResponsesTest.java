package dev.pave.api;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real answers of a full provisioning (auto-approved, and held for an approver), of the reads
 * around it and of each error, validated against the schemas of the served /openapi.json by an
 * independent validator, additional properties refused: the document says what is served.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiResponsesTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(90);
  static HttpApi api;
  /** A webhook receiver outside Pave, on loopback (pave-test.yml's embedded default allows private networks). */
  static WireMockServer receiver;
  static OpenApiInteractionValidator validator;
  static final List<String> checked = new ArrayList<>();
  static final List<String> mismatches = new ArrayList<>();

  @BeforeAll
  static void documentAndTokens() {
    api = new HttpApi(APP.getLocalPort());
    validator = OpenApiInteractionValidator.createForInlineApiSpecification(
        api.get(null, "/openapi.json").raw().body()).build();
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    receiver.stubFor(post("/pave").willReturn(ok()));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  @Test
  void aFullProvisioningAndItsReadsMatchTheDocument() {
    String developer = token(PaveTestApp.ADMIN_TOKEN, "dana", "payments", "requester");
    String approver = token(PaveTestApp.ADMIN_TOKEN, "alice", "platform", "approver");
    String auditor = token(PaveTestApp.ADMIN_TOKEN, "eve", "audit", "auditor");
    valid(api.get(null, "/v1/health"));
    valid(api.get(developer, "/v1/modules"));
    valid(api.get(developer, "/v1/modules/postgres-database"));
    valid(api.get(developer, "/v1/policies"));
    HttpApi.Reply registered = valid(api.post(developer, "/v1/webhooks", Map.of("url",
        "http://localhost:" + receiver.port() + "/pave", "events", List.of("request.succeeded"))), 201);
    assertThat(registered.header("Location")).isEqualTo("/v1/webhooks/" + registered.body().get("id").asText());
    String webhook = "/v1/webhooks/" + registered.body().get("id").asText();
    valid(api.get(developer, "/v1/webhooks"));
    valid(api.get(developer, webhook)); // never rotated: secretRotatedAt and previousSecretSignsUntil are null

    Map<String, Object> dev = Map.of("module", "postgres-database", "workspace", "oa-db", "environment", "dev",
        "ttlHours", 24, "inputs", Map.of("database_name", "oa_db"));
    HttpApi.Reply accepted = valid(api.postRaw(developer, "/v1/requests", json(dev), "oa-1"), 202);
    assertThat(accepted.header("Location")).isNotBlank();
    HttpApi.Reply replayed = valid(api.postRaw(developer, "/v1/requests", json(dev), "oa-1"), 202);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    String id = accepted.body().get("id").asText();
    valid(api.get(developer, "/v1/requests")); // while it runs: plan.sha256 and more are still null
    valid(api.get(developer, "/v1/requests/" + id));
    JsonNode done = api.awaitTerminal(developer, id, WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    valid(api.get(developer, "/v1/requests/" + id));
    valid(api.get(developer, "/v1/requests?workspace=oa-db&limit=5"));
    valid(api.get(developer, "/v1/requests/" + id + "/history"));
    valid(api.get(developer, "/v1/requests/" + id + "/history?format=timeline"));
    valid(api.get(developer, "/v1/workspaces"));
    valid(api.get(developer, "/v1/workspaces/oa-db"));
    valid(api.get(developer, "/v1/workspaces/oa-db/outputs"));
    valid(api.get(developer, "/v1/workspaces/oa-db/outputs?reveal=true"));
    valid(api.get(developer, "/v1/requests/" + id + "/logs"));
    valid(api.post(developer, "/v1/requests/" + id + "/feedback", Map.of("score", 4)), 201); // no comment: null
    valid(api.post(developer, "/v1/requests/" + id + "/feedback", Map.of("score", 5, "comment", "again")), 409);
    valid(api.get(developer, webhook + "/deliveries")); // its request.succeeded, pending or delivered
    valid(api.get(developer, delivered(developer, webhook)));
    valid(api.post(developer, webhook + "/rotate-secret", Map.of()));
    valid(api.get(developer, webhook)); // rotated: the old secret's grace is filled in
    valid(api.get(developer, webhook + "/deliveries?limit=0"), 422);
    valid(api.delete(developer, webhook), 204);

    // A speculative plan: action "plan", and the resources its plan changes.
    String planned = valid(api.post(developer, "/v1/requests", Map.of("module", "postgres-database", "workspace",
        "oa-plan", "environment", "dev", "ttlHours", 24, "action", "plan", "inputs",
        Map.of("database_name", "oa_plan"))), 202).body().get("id").asText();
    assertThat(api.awaitTerminal(developer, planned, WAIT).get("status").asText()).isEqualTo("succeeded");
    JsonNode plan = valid(api.get(developer, "/v1/requests/" + planned)).body();
    assertThat(plan.get("action").asText()).isEqualTo("plan");
    assertThat(plan.at("/plan/changes").isArray()).as(plan.toString()).isTrue();

    // Held for an approver: the answer while awaiting approval (Approval.decision is null), then decided.
    String prod = api.post(developer, "/v1/requests", Map.of("module", "postgres-database", "workspace",
        "oa-prod", "environment", "prod", "inputs", Map.of("database_name", "oa_prod"))).body().get("id").asText();
    JsonNode waiting = api.awaitStatus(developer, prod, "awaiting_approval", WAIT);
    assertThat(waiting.at("/approval/decision").isNull()).isTrue();
    valid(api.get(approver, "/v1/requests/" + prod));
    valid(api.get(approver, "/v1/requests"));
    valid(api.post(approver, "/v1/requests/" + prod + "/approval", Map.of("decision", "approve", "comment", "ok",
        "planSha256", waiting.at("/plan/sha256").asText())));
    assertThat(api.awaitTerminal(developer, prod, WAIT).get("status").asText()).isEqualTo("succeeded");
    valid(api.get(developer, "/v1/requests/" + prod));
    // A list shows a decided request as decided, on the plan it holds: as the request itself does.
    JsonNode listed = valid(api.get(developer, "/v1/requests?workspace=oa-prod")).body().at("/requests/0");
    assertThat(listed.at("/approval/decision").asText()).as(listed.toString()).isEqualTo("approve");
    assertThat(listed.at("/plan/sha256").asText()).isEqualTo(waiting.at("/plan/sha256").asText());

    valid(api.get(developer, "/v1/metrics"));
    // A window without data: every mean is null, machineByStepMs's values too.
    JsonNode empty = valid(api.get(developer, "/v1/metrics?since=2020-01-01&until=2020-01-02")).body();
    assertThat(empty.at("/leadTime/machineByStepMs/init").isNull()).as(empty.toString()).isTrue();
    // Requests that ended without feedback: a module's meanScore is null.
    JsonNode unrated = valid(api.get(developer, "/v1/metrics?environment=prod")).body();
    assertThat(unrated.at("/satisfactionByModule/postgres-database/meanScore").isNull()).as(unrated.toString()).isTrue();
    valid(api.get(developer, "/v1/metrics?since=2026-01-01&environment=dev"));
    valid(api.get(auditor, "/v1/audit?since=30d&limit=5"));
    valid(api.get(auditor, "/v1/audit/verify"));
    valid(api.get(auditor, "/v1/audit/export?since=1d"));
    valid(api.get(developer, "/v1/audit/public-key"));
    HttpApi.Reply issued = valid(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
        Map.of("name", "short-lived", "team", "payments", "role", "requester", "expiresInDays", 1)), 201);
    valid(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + issued.body().get("id").asText()), 204);

    // Errors, each with its documented status and the one error body.
    valid(api.postRaw(developer, "/v1/requests", "{\"module\": ", null), 400);
    valid(api.get(null, "/v1/requests"), 401);
    valid(api.post(developer, "/v1/tokens", Map.of("name", "x", "team", "payments", "role", "admin")), 403);
    valid(api.get(developer, "/v1/requests/req_doesnotexist"), 404);
    valid(api.post(developer, "/v1/requests/" + id + "/cancel", Map.of()), 409);
    valid(api.postRaw(developer, "/v1/requests", "{\"module\": \"" + "x".repeat(70_000) + "\"}", null), 413);
    valid(send(developer, "/v1/requests", "text/plain", "module=postgres-database"), 415);
    valid(api.post(developer, "/v1/requests", Map.of("workspace", "oa-x", "environment", "dev")), 422);
    // A policy's refusal at the door: the same body, its entry naming the policy (an optional property).
    HttpApi.Reply refused = valid(api.post(developer, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "oa-no-ttl", "environment", "dev", "inputs", Map.of("database_name", "oa_no_ttl"))), 422);
    assertThat(refused.body().at("/errors/0/policy").asText()).isEqualTo("nonprod-ttl");
    valid(api.get(auditor, "/v1/audit?since=yesterday"), 422);
    valid(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "1d")), 422);
    valid(api.post(null, "/v1/auth/oidc", Map.of("token", "not-a-jwt")), 401); // no issuer is configured
    valid(api.post(null, "/v1/auth/oidc", Map.of()), 422);
    // Last, since it locks this address out: guessing tokens ends in 429 with Retry-After.
    HttpApi.Reply guessed = api.get("pave_not-a-token-" + 0, "/v1/requests");
    for (int i = 1; i < 100 && guessed.status() == 401; i++) {
      guessed = api.get("pave_not-a-token-" + i, "/v1/requests");
    }
    valid(guessed, 429);
    assertThat(checked).hasSizeGreaterThan(40);
    assertThat(mismatches).as("answers that differ from /openapi.json").isEmpty();
  }

  /** The deliveries path once the receiver has the event: the log line then has its attempt filled in. */
  private static String delivered(String token, String webhook) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode deliveries = api.get(token, webhook + "/deliveries").body().get("deliveries");
      if (deliveries.size() > 0 && deliveries.get(0).get("status").asText().equals("delivered")) {
        return webhook + "/deliveries?limit=5";
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the receiver never got the request.succeeded delivery");
  }

  private static HttpApi.Reply valid(HttpApi.Reply reply) {
    return valid(reply, 200);
  }

  /** The answer has the expected status, and it, its headers and its body are what the document says. */
  private static HttpApi.Reply valid(HttpApi.Reply reply, int status) {
    HttpResponse<String> raw = reply.raw();
    String route = raw.request().method() + " " + raw.request().uri();
    assertThat(raw.statusCode()).as(route + ": " + raw.body()).isEqualTo(status);
    SimpleResponse.Builder response = SimpleResponse.Builder.status(raw.statusCode());
    raw.headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (!raw.body().isEmpty()) {
      response.withBody(raw.body());
    }
    ValidationReport report = validator.validateResponse(raw.request().uri().getPath(),
        Request.Method.valueOf(raw.request().method()), response.build());
    // Collected, not asserted one by one: a run shows every difference between the document and the answers.
    report.getMessages().forEach(message -> mismatches.add(route + ": " + message + "\n  in " + raw.body()));
    checked.add(route);
    return reply;
  }

  private static HttpApi.Reply send(String token, String path, String contentType, String body) {
    try {
      HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + APP.getLocalPort() + path)).header("Authorization", "Bearer " + token)
          .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new HttpApi.Reply(raw.statusCode(), null, raw);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String token(String admin, String name, String team, String role) {
    HttpApi.Reply reply = valid(api.post(admin, "/v1/tokens", Map.of("name", name, "team", team, "role", role)), 201);
    return reply.body().get("token").asText();
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
