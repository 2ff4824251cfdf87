package dev.pave.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.api.support.RawHttp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A NUL character, which PostgreSQL refuses in text, is a 422 naming the query parameter or the
 * body field that carried it, never a 500, and changes nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NulCharactersTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final String NUL = "\u0000";
  static HttpApi api;
  static String requester;
  static String approver;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    requester = token("nul-dev", "payments", "requester");
    approver = token("nul-approver", "platform", "approver");
  }

  @Test
  void inAnyQueryParameterItIsA422NamingTheParameter() {
    for (String parameter : new String[] {"workspace", "team", "status"}) {
      assertNamed(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/requests?" + parameter + "=a%00b"), parameter);
    }
    for (String parameter : new String[] {"team", "module", "environment"}) {
      assertNamed(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/metrics?" + parameter + "=a%00b"), parameter);
    }
    assertNamed(api.get(requester, "/v1/workspaces?team=%00"), "team");
  }

  @Test
  void inAPathItIsNeverA500() {
    for (String path : new String[] {"/v1/workspaces/a%00b", "/v1/requests/a%00b", "/v1/modules/a%00b"}) {
      RawHttp.Reply reply = RawHttp.send(APP.getLocalPort(), "GET", path, "Authorization: Bearer " + requester);
      assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(400, 499);
      assertThat(reply.json().path("code").asInt()).isEqualTo(reply.status());
    }
  }

  @Test
  void inABodyFieldItIsA422NamingTheField() {
    assertNamed(api.post(requester, "/v1/requests", Map.of("module", "postgres-database", "workspace", "nul" + NUL,
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "nul_db"))), "workspace");
    assertNamed(api.post(requester, "/v1/requests", Map.of("module", "postgres-database", "workspace", "nul-db",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "nul" + NUL + "db"))),
        "inputs.database_name");
    assertThat(api.get(requester, "/v1/requests?workspace=nul-db").body().get("requests")).isEmpty();
  }

  @Test
  void inAnApprovalCommentItIsA422AndTheRequestStillWaits() {
    HttpApi.Reply accepted = api.post(requester, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "nul-prod", "environment", "prod", "inputs", Map.of("database_name", "nul_prod")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    JsonNode waiting = api.awaitStatus(requester, id, "awaiting_approval", Duration.ofSeconds(90));

    HttpApi.Reply decided = api.post(approver, "/v1/requests/" + id + "/approval", Map.of("decision", "approve",
        "comment", "looks fine" + NUL, "planSha256", waiting.at("/plan/sha256").asText()));

    assertNamed(decided, "comment");
    JsonNode after = api.get(requester, "/v1/requests/" + id).body();
    assertThat(after.get("status").asText()).isEqualTo("awaiting_approval");
  }

  private static void assertNamed(HttpApi.Reply reply, String field) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(422);
    assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(reply.body().path("errors").get(0).path("message").asText()).contains("NUL");
  }

  private static String token(String name, String team, String role) {
    HttpApi.Reply issued = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(issued.status()).isEqualTo(201);
    return issued.body().get("token").asText();
  }
}
