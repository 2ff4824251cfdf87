package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.workflows.policy.PolicyLoader;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request per enforcement outcome, through HTTP, the real workflow, the shipped policies
 * and the real Terraform: allowed with an advisory warning, refused by a hard rule at the POST,
 * held for a human and then approved or rejected.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GuardrailsEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static final Duration WAIT = Duration.ofSeconds(90);
  static final ObjectMapper JSON = new ObjectMapper();
  static HttpApi api;
  static String developer;
  static String approver;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    developer = issue("dana", "payments", "requester");
    approver = issue("alice", "platform", "approver");
  }

  @Test
  void anAdvisoryFailureWarnsAndGoesThroughWithNoHuman() {
    JsonNode done = api.awaitTerminal(developer, submit("busy-db", "staging", 24, "busy", 250, "apply"), WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(result(done, "large-connection-limit").get("result").asText()).isEqualTo("deny");
    assertThat(result(done, "large-connection-limit").get("enforcement").asText()).isEqualTo("advisory");
    assertThat(result(done, "nonprod-ttl").get("result").asText()).isEqualTo("pass");
    assertThat(result(done, "nonprod-ttl").get("hash").asText()).startsWith("sha256:");
    assertThat(steps(done)).doesNotContain("approval");
    assertThat(done.at("/costEstimate/monthlyUsd").asDouble()).isEqualTo(5.0 + 250 * 0.5); // under staging's ceiling
    assertThat(done.get("approval").isNull()).isTrue();
  }

  /**
   * A verdict the request-stage policies reach on the request alone is the POST's answer: a 422
   * naming the policy and the field it is about, nothing stored, the refusal audited with the
   * policy's hash (which version decided), and a retry with the same key refused the same way.
   */
  @Test
  void aHardMandatoryDenyIsThePostsAnswerAndStoresNothingButTheAuditedVerdict() throws Exception {
    String body = JSON.writeValueAsString(Map.of("module", "postgres-database", "workspace", "no-ttl-db",
        "environment", "dev", "inputs", Map.of("database_name", "no_ttl", "connection_limit", 20)));
    HttpApi.Reply refused = api.postRaw(developer, "/v1/requests", body, "no-ttl-key");
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
    assertThat(refused.body().get("code").asInt()).isEqualTo(422);
    assertThat(refused.body().get("message").asText()).startsWith("denied by policy nonprod-ttl: Non-prod applies");
    assertThat(refused.body().get("errors")).hasSize(1);
    JsonNode error = refused.body().at("/errors/0");
    assertThat(error.get("field").asText()).isEqualTo("ttlHours");
    assertThat(error.get("policy").asText()).isEqualTo("nonprod-ttl");
    assertThat(error.get("message").asText()).contains("ttlHours between 1 and 720");

    HttpApi.Reply retried = api.postRaw(developer, "/v1/requests", body, "no-ttl-key");
    assertThat(retried.status()).isEqualTo(422);
    assertThat(retried.body()).isEqualTo(refused.body());

    assertThat(api.get(developer, "/v1/requests?workspace=no-ttl-db").body().get("requests")).isEmpty();
    assertThat(api.get(developer, "/v1/workspaces/no-ttl-db").status()).isEqualTo(404);
    String hash = PolicyLoader.load(Path.of("../policies")).policy("nonprod-ttl").orElseThrow().contentHash();
    JsonNode events = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?action=policy.denied_at_request&target=no-ttl-db")
        .body().get("events");
    assertThat(events).as("one audited refusal per POST").hasSize(2);
    JsonNode details = events.get(0).get("details");
    assertThat(details.get("policy").asText()).isEqualTo("nonprod-ttl");
    assertThat(details.get("policyHash").asText()).isEqualTo(hash);
    assertThat(details.get("stage").asText()).isEqualTo("request");
    assertThat(details.get("enforcement").asText()).isEqualTo("hard-mandatory");
    assertThat(details.get("result").asText()).isEqualTo("deny");
    assertThat(details.get("team").asText()).isEqualTo("payments");
    assertThat(details.get("environment").asText()).isEqualTo("dev");
    assertThat(details.get("requestHash").asText()).isNotBlank();
    assertThat(details.toString()).as("never the inputs").doesNotContain("no_ttl").doesNotContain("connection_limit");
  }

  @Test
  void aSoftMandatoryDenyWaitsForOneApproverWhoSeesThePlanAndThenApplies() {
    String id = submit("orders-prod", "prod", null, "orders_prod", 20, "apply");
    JsonNode waiting = api.awaitStatus(developer, id, "awaiting_approval", WAIT);
    assertThat(waiting.at("/plan/add").asInt()).isPositive();
    String planSha = waiting.at("/plan/sha256").asText();
    assertThat(planSha).startsWith("sha256:");
    assertThat(waiting.at("/costEstimate/monthlyUsd").asDouble()).isEqualTo(15.0);
    assertThat(result(waiting, "prod-needs-approval").get("result").asText()).isEqualTo("deny");
    assertThat(waiting.at("/approval/required").asBoolean()).isTrue();
    assertThat(waiting.at("/approval/deadline").asText()).isNotBlank();
    assertThat(api.get(developer, "/v1/workspaces/orders-prod").status()).isEqualTo(404); // nothing applied yet

    // A requester token never decides (IdentityIsTheSubjectTest: not even an admin on its own request).
    assertThat(api.post(developer, "/v1/requests/" + id + "/approval", Map.of("decision", "approve")).status())
        .isEqualTo(403);
    // A decision about another plan than the one awaiting approval is refused.
    HttpApi.Reply stale = api.post(approver, "/v1/requests/" + id + "/approval",
        Map.of("decision", "approve", "planSha256", "sha256:" + "0".repeat(64)));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("message").asText()).contains("plan changed");
    assertThat(api.post(approver, "/v1/requests/" + id + "/approval", Map.of("decision", "maybe")).status())
        .isEqualTo(422);

    HttpApi.Reply approved = api.post(approver, "/v1/requests/" + id + "/approval",
        Map.of("decision", "approve", "comment", "prod change reviewed", "planSha256", planSha));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(api.post(approver, "/v1/requests/" + id + "/approval", Map.of("decision", "reject")).status())
        .isEqualTo(409); // one decision per plan

    JsonNode done = api.awaitTerminal(developer, id, WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(steps(done)).containsExactly("queue", "policy", "init", "plan", "policy", "approval", "apply");
    JsonNode approvalStep = done.get("steps").get(5);
    assertThat(approvalStep.get("actor").asText()).isEqualTo("alice");
    assertThat(approvalStep.get("outcome").asText()).isEqualTo("approved");
    assertThat(done.at("/approval/approver").asText()).isEqualTo("alice");
    assertThat(done.at("/approval/planSha256").asText()).isEqualTo(planSha);
    assertThat(done.at("/approval/comment").asText()).isEqualTo("prod change reviewed");
  }

  @Test
  void aRejectionEndsRejectedAndAppliesNothing() {
    String id = submit("reports-prod", "prod", null, "reports_prod", 20, "apply");
    api.awaitStatus(developer, id, "awaiting_approval", WAIT);
    assertThat(api.post(approver, "/v1/requests/" + id + "/approval",
        Map.of("decision", "reject", "comment", "use the shared reporting db")).status()).isEqualTo(200);
    // Sent at once, before the workflow has ended the request: the decision is already final.
    HttpApi.Reply cancel = api.post(developer, "/v1/requests/" + id + "/cancel", Map.of());
    assertThat(cancel.status()).as(cancel.body().toString()).isEqualTo(409);
    assertThat(cancel.body().get("message").asText()).containsAnyOf("is awaiting_approval", "is rejected");
    JsonNode done = api.awaitTerminal(developer, id, WAIT);
    assertThat(done.get("status").asText()).isEqualTo("rejected");
    assertThat(done.get("error").asText()).contains("alice");
    assertThat(steps(done)).doesNotContain("apply");
    assertThat(api.get(developer, "/v1/workspaces/reports-prod").status()).isEqualTo(404);
  }

  @Test
  void aDestroyOfAnotherTeamsWorkspaceReadsAsOneThatNeverExisted() {
    api.awaitTerminal(developer, submit("kept-db", "dev", 24, "kept", 20, "apply"), WAIT);
    assertThat(api.get(developer, "/v1/workspaces/kept-db").status()).isEqualTo(200);
    String stranger = issue("sam", "search", "requester");
    HttpApi.Reply theirs = api.post(stranger, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "kept-db", "environment", "dev", "action", "destroy"));
    HttpApi.Reply none = api.post(stranger, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "gone-db", "environment", "dev", "action", "destroy"));
    assertThat(theirs.status()).isEqualTo(422);
    assertThat(theirs.body().toString().replace("kept-db", "NAME"))
        .isEqualTo(none.body().toString().replace("gone-db", "NAME"));
    assertThat(theirs.body().at("/errors/0/field").asText()).isEqualTo("workspace");
  }

  @Test
  void onlyApproversDecide() {
    String id = submit("cache-prod", "prod", null, "cache_prod", 20, "apply");
    api.awaitStatus(developer, id, "awaiting_approval", WAIT);
    String auditor = issue("eve", "audit", "auditor");
    assertThat(api.post(auditor, "/v1/requests/" + id + "/approval", Map.of("decision", "approve")).status())
        .isEqualTo(403);
    assertThat(api.post(developer, "/v1/requests/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    JsonNode done = api.awaitTerminal(developer, id, WAIT);
    assertThat(done.get("status").asText()).isEqualTo("cancelled");
    assertThat(done.get("steps").get(done.get("steps").size() - 1).get("outcome").asText()).isEqualTo("cancelled");
  }

  @Test
  void simulationShowsWhichRecordedRequestsAStricterRuleWouldDeny() throws Exception {
    String id = submit("sim-db", "dev", 48, "sim_db", 20, "apply");
    assertThat(api.awaitTerminal(developer, id, WAIT).get("status").asText()).isEqualTo("succeeded");

    List<Map<String, String>> files = new ArrayList<>();
    try (var paths = java.nio.file.Files.list(java.nio.file.Path.of("../policies"))) {
      for (java.nio.file.Path file : paths.filter(p -> p.toString().endsWith(".yaml")
          && !p.toString().endsWith(".tests.yaml")).toList()) {
        String content = java.nio.file.Files.readString(file);
        if (file.getFileName().toString().equals("nonprod-ttl.yaml")) {
          content = content.replace("request.ttlHours > 720", "request.ttlHours > 24"); // tighten: one day
        }
        files.add(Map.of("path", file.getFileName().toString(), "content", content));
      }
    }
    HttpApi.Reply report = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "1h", "policies", files));
    assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
    JsonNode change = null;
    for (JsonNode c : report.body().get("changes")) {
      if (c.get("requestId").asText().equals(id)) {
        change = c;
      }
    }
    assertThat(change).as(report.body().toString()).isNotNull();
    assertThat(change.get("recordedVerdict").asText()).isEqualTo("allowed");
    assertThat(change.get("simulatedVerdict").asText()).isEqualTo("denied");
    assertThat(change.get("decidedBy")).extracting(JsonNode::asText).containsExactly("nonprod-ttl");

    assertThat(api.post(developer, "/v1/policies/simulate", Map.of("since", "1h", "policies", files)).status())
        .isEqualTo(403);
    assertThat(api.post(approver, "/v1/policies/simulate", Map.of("since", "1h", "policies", files)).status())
        .as("simulation is for admins: a candidate policy reads every team's requests").isEqualTo(403);
    HttpApi.Reply broken = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "1h",
        "policies", List.of(Map.of("path", "bad.yaml", "content", "name: bad\nstage: request\ndeny: ((("))));
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.body().at("/errors/0/field").asText()).isEqualTo("policies");
    assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "yesterday", "policies", files)).status())
        .isEqualTo(422);
    assertThat(api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "1h",
        "policies", List.of(Map.of("path", "../../etc/x.yaml", "content", "x"))))
        .body().at("/errors/0/field").asText()).isEqualTo("policies[0].path");
  }

  private static String submit(String workspace, String environment, Integer ttlHours, String database, int limit,
      String action) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("module", "postgres-database", "workspace", workspace,
        "environment", environment, "action", action,
        "inputs", Map.of("database_name", database, "connection_limit", limit)));
    if (ttlHours != null) {
      body.put("ttlHours", ttlHours);
    }
    HttpApi.Reply reply = api.post(developer, "/v1/requests", body);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  private static JsonNode result(JsonNode request, String policy) {
    for (JsonNode r : request.get("policies")) {
      if (r.get("policy").asText().equals(policy)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + policy + " in " + request.get("policies"));
  }

  private static List<String> steps(JsonNode request) {
    List<String> names = new ArrayList<>();
    request.get("steps").forEach(s -> names.add(s.get("name").asText()));
    return names;
  }
}
