package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registering and reading endpoints: who may, what is shown (the secret once), and where a webhook may not go. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookEndpointsApiTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static HttpApi api;
  static String payments;
  static String billing;
  static String auditor;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    payments = issue("ci", "payments", "requester");
    billing = issue("ci", "billing", "requester");
    auditor = issue("eve", "audit", "auditor");
  }

  @Test
  void theSecretIsShownOnceAtRegistrationAndNeverAgain() {
    HttpApi.Reply registered = register(payments, Map.of("url", "http://localhost:9/hooks/pave",
        "events", List.of("request.succeeded", "request.failed")));

    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    JsonNode body = registered.body();
    String id = body.get("id").asText();
    String secret = body.get("secret").asText();
    assertThat(registered.header("Location")).endsWith("/v1/webhooks/" + id);
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
    assertThat(body.get("team").asText()).isEqualTo("payments");
    assertThat(body.get("format").asText()).as("the default").isEqualTo("standard");
    assertThat(body.get("events")).extracting(JsonNode::asText).containsExactly("request.succeeded", "request.failed");

    for (String path : new String[] {"/v1/webhooks/" + id, "/v1/webhooks", "/v1/webhooks/" + id + "/deliveries"}) {
      HttpApi.Reply read = api.get(payments, path);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.raw().body()).as(path).doesNotContain(secret).doesNotContain("whsec_").doesNotContain("\"secret\"");
    }
    String audit = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=webhook.registered&limit=100").raw().body();
    assertThat(audit).contains(id).doesNotContain(secret).doesNotContain("/hooks/pave");
  }

  @Test
  void anotherTeamsEndpointIsNotFoundForEverything() {
    String id = register(payments, Map.of("url", "http://localhost:9/x", "events", List.of("request.denied")))
        .body().get("id").asText();

    assertThat(api.get(billing, "/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(api.get(billing, "/v1/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(api.post(billing, "/v1/webhooks/" + id + "/rotate-secret", Map.of()).status()).isEqualTo(404);
    assertThat(api.delete(billing, "/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(api.get(billing, "/v1/webhooks").raw().body()).doesNotContain(id);
    assertThat(api.get(payments, "/v1/webhooks/" + id).status()).as("still there for its team").isEqualTo(200);

    HttpApi.Reply elsewhere = register(billing, Map.of("url", "http://localhost:9/x", "events", List.of("request.denied"),
        "team", "payments"));
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(elsewhere.body().get("errors").get(0).get("field").asText()).isEqualTo("team");
  }

  @Test
  void auditorsReadEveryEndpointAndChangeNone() {
    String id = register(payments, Map.of("url", "http://localhost:9/y", "events", List.of("request.expired")))
        .body().get("id").asText();

    assertThat(api.get(auditor, "/v1/webhooks/" + id).status()).isEqualTo(200);
    assertThat(register(auditor, Map.of("url", "http://localhost:9/y", "events", List.of("request.expired"))).status())
        .isEqualTo(403);
    assertThat(api.post(auditor, "/v1/webhooks/" + id + "/rotate-secret", Map.of()).status()).isEqualTo(403);
    assertThat(api.delete(auditor, "/v1/webhooks/" + id).status()).isEqualTo(403);
    assertThat(api.get(payments, "/v1/webhooks/" + id).status()).isEqualTo(200);

    assertThat(api.delete(payments, "/v1/webhooks/" + id).status()).isEqualTo(204);
    assertThat(api.get(payments, "/v1/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void anAdminsEndpointWithoutATeamServesEveryTeamAndOnlyAdminsAndAuditorsSeeIt() {
    HttpApi.Reply everyTeam = register(PaveTestApp.ADMIN_TOKEN, Map.of("url", "http://localhost:9/all",
        "events", List.of("request.failed"), "team", "*"));

    assertThat(everyTeam.status()).as(everyTeam.raw().body()).isEqualTo(201);
    assertThat(everyTeam.body().get("team").asText()).isEqualTo("*");
    String id = everyTeam.body().get("id").asText();
    assertThat(api.get(payments, "/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(api.get(auditor, "/v1/webhooks").raw().body()).contains(id);
  }

  @Test
  void aWebhookNeverGoesToCloudMetadataLinkLocalOrPavesOwnAdminPort() {
    int adminPort = APP.getAdminPort();
    for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook",
        "http://[::ffff:169.254.169.254]/", "http://127.0.0.1:" + adminPort + "/prometheus",
        "http://localhost:" + adminPort + "/healthcheck", "file:///etc/passwd", "gopher://localhost:70/",
        "http://user:pw@localhost:9/", "not a url"}) {
      HttpApi.Reply refused = register(payments, Map.of("url", url, "events", List.of("request.failed")));
      assertThat(refused.status()).as(url + ": " + refused.raw().body()).isEqualTo(422);
      assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("url");
    }
    assertThat(api.get(payments, "/v1/webhooks").raw().body()).doesNotContain("169.254").doesNotContain(":" + adminPort);
  }

  @Test
  void unknownEventsAndFormatsAreNamedFieldByField() {
    HttpApi.Reply refused = register(payments, Map.of("url", "http://localhost:9/z",
        "events", List.of("request.succeeded", "request.exploded"), "format", "teams"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("events[1]", "format");
    assertThat(register(payments, Map.of("url", "http://localhost:9/z", "events", List.of())).status()).isEqualTo(422);
    HttpApi.Reply misspelt = api.post(payments, "/v1/webhooks", "{\"url\": \"http://localhost:9/z\","
        + " \"events\": [\"request.failed\"], \"colour\": \"red\"}");
    assertThat(misspelt.status()).as("an unknown field, as everywhere in the API").isEqualTo(400);
    assertThat(misspelt.body().get("message").asText()).contains("colour");
    assertThat(api.get(payments, "/v1/webhooks").raw().body()).doesNotContain("localhost:9/z");
  }

  private static HttpApi.Reply register(String token, Map<String, Object> body) {
    return api.post(token, "/v1/webhooks", body);
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.body().get("token").asText();
  }
}
