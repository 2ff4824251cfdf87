package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four eyes cannot be walked around with a label (issue 16, item 1): a request on a prod
 * workspace that says "dev" used to run with no approver and relabel the workspace. Through
 * HTTP, the real workflow, the shipped policies and the real Terraform.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkspaceEnvironmentEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(90);
  static HttpApi api;
  static String developer;
  static String approver;
  static JsonNode prodWorkspace;

  @BeforeAll
  static void aProdWorkspaceCreatedWithAnApproval() {
    api = new HttpApi(APP.getLocalPort());
    developer = issue("dana", "payments", "requester");
    approver = issue("alice", "platform", "approver");
    HttpApi.Reply created = api.post(developer, "/v1/requests", body("ledger-prod", "prod", "apply", null));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
    String id = created.body().get("id").asText();
    JsonNode waiting = api.awaitStatus(developer, id, "awaiting_approval", WAIT);
    assertThat(api.post(approver, "/v1/requests/" + id + "/approval", Map.of("decision", "approve",
        "planSha256", waiting.at("/plan/sha256").asText())).status()).isEqualTo(200);
    assertThat(api.awaitTerminal(developer, id, WAIT).get("status").asText()).isEqualTo("succeeded");
    prodWorkspace = workspace();
    assertThat(prodWorkspace.get("environment").asText()).isEqualTo("prod");
  }

  @Test
  void anApplyOrDestroyLabelledDevOnAProdWorkspaceIsRefusedAndTheWorkspaceIsUnchanged() {
    for (String action : new String[] {"apply", "destroy"}) {
      // A ttlHours would also have set an expiry on the prod workspace: the system would destroy it.
      HttpApi.Reply reply = api.post(developer, "/v1/requests", body("ledger-prod", "dev", action, 1));
      assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(422);
      assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("environment");
      assertThat(reply.body().at("/errors/0/message").asText()).contains("ledger-prod", "prod");
    }
    assertThat(workspace()).isEqualTo(prodWorkspace);
  }

  @Test
  void aRequestThatLeavesTheEnvironmentOutIsInTheWorkspacesAndWaitsForAnApprover() {
    for (String action : new String[] {"apply", "destroy"}) {
      HttpApi.Reply reply = api.post(developer, "/v1/requests", body("ledger-prod", null, action, null));
      assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(202);
      String id = reply.body().get("id").asText();
      assertThat(reply.body().get("environment").asText()).isEqualTo("prod");
      JsonNode waiting = api.awaitStatus(developer, id, "awaiting_approval", WAIT);
      assertThat(result(waiting, "prod-needs-approval")).isEqualTo("deny");
      if (action.equals("destroy")) {
        assertThat(result(waiting, "prod-destroy-needs-approval")).isEqualTo("deny");
      }
      assertThat(api.post(approver, "/v1/requests/" + id + "/approval", Map.of("decision", "reject")).status())
          .isEqualTo(200);
      assertThat(api.awaitTerminal(developer, id, WAIT).get("status").asText()).isEqualTo("rejected");
    }
    assertThat(workspace()).isEqualTo(prodWorkspace);
  }

  @Test
  void anEnvironmentOutsideTheConfiguredListIsRefusedNamingTheAllowedOnes() {
    for (String environment : new String[] {"production", "prd", "prod-eu"}) {
      HttpApi.Reply reply = api.post(developer, "/v1/requests", body("ledger-eu", environment, "apply", null));
      assertThat(reply.status()).as(environment + ": " + reply.body()).isEqualTo(422);
      assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("environment");
      assertThat(reply.body().at("/errors/0/message").asText()).contains("dev, staging, prod");
    }
    HttpApi.Reply none = api.post(developer, "/v1/requests", body("ledger-eu", null, "apply", null));
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.body().at("/errors/0/field").asText()).isEqualTo("environment");
    assertThat(none.body().at("/errors/0/message").asText()).contains("is required");
    assertThat(api.get(developer, "/v1/workspaces/ledger-eu").status()).isEqualTo(404);
  }

  @Test
  void anotherTeamLearnsNothingAboutTheWorkspacesEnvironment() {
    String other = issue("oscar", "search", "requester");
    for (String environment : new String[] {"dev", null}) {
      HttpApi.Reply reply = api.post(other, "/v1/requests", body("ledger-prod", environment, "apply", 1));
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.body().at("/errors/0/field").asText()).as(reply.body().toString())
          .isEqualTo(environment == null ? "environment" : "workspace");
      // The answer a name nobody holds gets (null) or any taken name gets ("dev"): nothing about this one.
      assertThat(reply.body().toString()).doesNotContain("ledger-prod", "which is in");
    }
    assertThat(workspace()).isEqualTo(prodWorkspace);
  }

  private static Map<String, Object> body(String workspace, String environment, String action, Integer ttlHours) {
    Map<String, Object> body = new HashMap<>(Map.of("module", "postgres-database", "workspace", workspace,
        "action", action, "inputs", Map.of("database_name", workspace.replace('-', '_'))));
    if (environment != null) {
      body.put("environment", environment);
    }
    if (ttlHours != null) {
      body.put("ttlHours", ttlHours);
    }
    return body;
  }

  private static JsonNode workspace() {
    HttpApi.Reply reply = api.get(developer, "/v1/workspaces/ledger-prod");
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  private static String result(JsonNode request, String policy) {
    for (JsonNode r : request.get("policies")) {
      if (r.get("policy").asText().equals(policy)) {
        return r.get("result").asText();
      }
    }
    throw new AssertionError("no result for " + policy + " in " + request.get("policies"));
  }
}
