package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.metrics.MetricsTestApp;
import dev.pave.api.support.EmbeddedLogins;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Speculative plans ({@code "action": "plan"}) through HTTP, the real workflow, the shipped
 * policies and real Terraform: a preview plans and checks, then ends, leaving no workspace, no
 * reserved name, no Terraform state and no trace in the metrics.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SpeculativePlanEndToEndTest {

  static final MetricsTestApp PAVE = new MetricsTestApp();
  static final DropwizardAppExtension<PaveConfiguration> APP = PAVE.app;
  static final Duration WAIT = Duration.ofSeconds(90);
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
  void aPreviewOfANewWorkspaceListsItsChangesAndLeavesNothingBehind() throws Exception {
    Map<String, Object> body = body("preview-db", "dev", 24, "preview_db", "plan");
    HttpApi.Reply accepted = api.postRaw(developer, "/v1/requests", write(body), "preview-1");
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(accepted.header("Location")).endsWith("/v1/requests/" + id);
    assertThat(accepted.body().get("action").asText()).isEqualTo("plan");
    // The same key for an apply is another request: refused, not replayed.
    body.put("action", "apply");
    assertThat(api.postRaw(developer, "/v1/requests", write(body), "preview-1").status()).isEqualTo(409);

    JsonNode done = api.awaitTerminal(developer, id, WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(steps(done)).containsExactly("queue", "policy", "init", "plan", "policy");
    assertThat(done.at("/plan/add").asInt()).isEqualTo(3);
    assertThat(done.at("/plan/sha256").asText()).startsWith("sha256:");
    assertThat(done.at("/costEstimate/monthlyUsd").asDouble()).isPositive();
    List<String> changed = new ArrayList<>();
    for (JsonNode change : done.at("/plan/changes")) {
      assertThat(fieldNames(change)).as("addresses, types and actions only").containsExactly("address", "type", "actions");
      assertThat(change.get("type").asText()).isEqualTo("terraform_data");
      assertThat(change.get("actions").toString()).isEqualTo("[\"create\"]");
      changed.add(change.get("address").asText());
    }
    assertThat(changed).containsExactlyInAnyOrder("terraform_data.password", "terraform_data.database",
        "terraform_data.connection_limit");

    assertThat(api.get(developer, "/v1/workspaces/preview-db").status()).isEqualTo(404);
    try (Connection pave = PAVE.connect()) {
      assertThat(count(pave, "SELECT count(*) FROM workspaces WHERE name = 'preview-db'")).isZero();
      assertThat(count(pave, "SELECT count(*) FROM name_reservations WHERE workspace = 'preview-db'")).isZero();
    }
    try (Connection states = stateDatabase()) {
      assertThat(count(states, "SELECT count(*) FROM terraform_state.states WHERE name = 'preview-db'"))
          .as("no Terraform state for a workspace that was only previewed").isZero();
    }

    JsonNode trail = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit?target=" + id).body().get("events");
    List<String> actions = new ArrayList<>();
    trail.forEach(event -> actions.add(event.get("action").asText()));
    assertThat(actions).contains("request.accepted", "policy.evaluated", "request.succeeded")
        .doesNotContain("request.applying", "apply.finished");
    assertThat(trail.get(0).at("/details/action").asText()).isEqualTo("plan");
  }

  @Test
  void aPreviewIsJudgedAsTheApplyItPreviewsAndAHardMandatoryDenyEndsItDenied() {
    // nonprod-ttl applies to `request.action == 'apply'`: a preview must get the apply's verdict.
    JsonNode done = api.awaitTerminal(developer, submit(body("preview-no-ttl", "dev", null, "no_ttl", "plan")), WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("denied");
    assertThat(done.get("error").asText()).contains("nonprod-ttl");
    assertThat(result(done, "nonprod-ttl").get("result").asText()).isEqualTo("deny");
    assertThat(steps(done)).containsExactly("queue", "policy");
  }

  @Test
  void aSoftMandatoryRuleShowsRequiresApprovalAndNothingWaits() {
    JsonNode done = api.awaitTerminal(developer, submit(body("preview-prod", "prod", null, "preview_prod", "plan")), WAIT);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(result(done, "prod-needs-approval").get("result").asText()).isEqualTo("requires_approval");
    assertThat(result(done, "prod-needs-approval").get("enforcement").asText()).isEqualTo("soft-mandatory");
    assertThat(steps(done)).doesNotContain("approval", "apply");
    assertThat(done.get("approval").isNull()).isTrue();
  }

  @Test
  void aPreviewWaitsItsTurnBehindAnApplyAndNeverChangesTheState() throws Exception {
    String apply = submit(body("orders-prod", "prod", null, "orders_prod", "apply"));
    JsonNode holding = api.awaitStatus(developer, apply, "awaiting_approval", WAIT);
    String preview = submit(body("orders-prod", "prod", null, "orders_prod", "plan"));
    Thread.sleep(1500);
    assertThat(api.get(developer, "/v1/requests/" + preview).body().get("status").asText())
        .as("an approval wait holds the workspace").isEqualTo("queued");

    assertThat(api.post(approver, "/v1/requests/" + apply + "/approval", Map.of("decision", "approve",
        "planSha256", holding.at("/plan/sha256").asText())).status()).isEqualTo(200);
    JsonNode applied = api.awaitTerminal(developer, apply, WAIT);
    JsonNode previewed = api.awaitTerminal(developer, preview, WAIT);
    assertThat(applied.get("status").asText()).as(applied.toString()).isEqualTo("succeeded");
    assertThat(previewed.get("status").asText()).as(previewed.toString()).isEqualTo("succeeded");
    assertThat(Instant.parse(previewed.get("steps").get(0).get("finishedAt").asText()))
        .as("the preview's turn came after the apply ended")
        .isAfterOrEqualTo(Instant.parse(applied.get("finishedAt").asText()));
    assertThat(previewed.at("/plan/add").asInt()).as("planned against the state the apply left").isZero();

    // A preview of a change to the live workspace: the plan shows it, the state stays as it was.
    String stateBefore = state("orders-prod");
    Map<String, Object> change = body("orders-prod", "prod", null, "orders_prod", "plan");
    change.put("inputs", Map.of("database_name", "orders_prod", "connection_limit", 50));
    JsonNode changed = api.awaitTerminal(developer, submit(change), WAIT);
    assertThat(changed.get("status").asText()).as(changed.toString()).isEqualTo("succeeded");
    assertThat(changed.at("/plan/change").asInt() + changed.at("/plan/add").asInt()).isPositive();
    assertThat(state("orders-prod")).as("serial, lineage and resources untouched").isEqualTo(stateBefore);
    JsonNode workspace = api.get(developer, "/v1/workspaces/orders-prod").body();
    assertThat(workspace.get("lastRequestId").asText()).as("the workspace record is the apply's").isEqualTo(apply);
    assertThat(workspace.at("/inputs/connection_limit").isMissingNode()).as(workspace.toString()).isTrue();

    // A database name another workspace holds: the preview is told what its apply would be.
    HttpApi.Reply taken = api.post(developer, "/v1/requests", body("orders-copy", "prod", null, "orders_prod", "plan"));
    assertThat(taken.status()).as(taken.body().toString()).isEqualTo(422);
    assertThat(taken.body().at("/errors/0/field").asText()).isEqualTo("inputs.database_name");

    // Another team's workspace reads like any unavailable name, for a preview as for an apply.
    String search = issue("ci-search", "search", "requester");
    HttpApi.Reply foreign = api.post(search, "/v1/requests", body("orders-prod", "prod", null, "orders_x", "plan"));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.body().at("/errors/0/field").asText()).isEqualTo("workspace");
    assertThat(foreign.body().toString()).doesNotContain("payments");
  }

  @Test
  void previewsCountNowhereInTheMetrics() throws Exception {
    String previewer = issue("pat", "previewers", "requester");
    HttpApi.Reply accepted = api.post(previewer, "/v1/requests", body("metrics-preview", "dev", 24, "metrics_preview", "plan"));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(api.awaitTerminal(previewer, id, WAIT).get("status").asText()).isEqualTo("succeeded");

    JsonNode metrics = api.get(PaveTestApp.ADMIN_TOKEN, "/v1/metrics?team=previewers").body();
    assertThat(metrics.at("/leadTime/count").asLong()).as(metrics.toString()).isZero();
    assertThat(metrics.at("/selfServiceRate/denominator").asLong()).isZero();
    assertThat(metrics.at("/adoption/requests").asLong()).isZero();
    try (Connection pave = PAVE.connect()) {
      assertThat(count(pave, "SELECT count(*) FROM metrics_requests WHERE request_id = '" + id + "'")).isZero();
      assertThat(count(pave, "SELECT count(*) FROM metrics_duration_buckets WHERE team = 'previewers'")).isZero();
      // A rebuild from the source tables agrees with the triggers.
      try (Statement s = pave.createStatement()) {
        s.execute("SELECT metrics_rebuild()");
      }
      assertThat(count(pave, "SELECT count(*) FROM metrics_requests WHERE request_id = '" + id + "'")).isZero();
      assertThat(count(pave, "SELECT count(*) FROM metrics_duration_buckets WHERE team = 'previewers'")).isZero();
    }
  }

  @Test
  void anUnknownActionIsAFieldError() {
    HttpApi.Reply reply = api.post(developer, "/v1/requests", body("typo-db", "dev", 24, "typo", "preview"));
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().at("/errors/0/field").asText()).isEqualTo("action");
    assertThat(reply.body().at("/errors/0/message").asText()).contains("plan");
  }

  private static Map<String, Object> body(String workspace, String environment, Integer ttlHours, String database,
      String action) {
    Map<String, Object> body = new HashMap<>(Map.of("module", "postgres-database", "workspace", workspace,
        "environment", environment, "action", action, "inputs", Map.of("database_name", database)));
    if (ttlHours != null) {
      body.put("ttlHours", ttlHours);
    }
    return body;
  }

  private static String submit(Map<String, Object> body) {
    HttpApi.Reply reply = api.post(developer, "/v1/requests", body);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  private static Connection stateDatabase() {
    return EmbeddedLogins.of(APP).paveSuperuser(PAVE.databasePort, "pave_tfstate");
  }

  private static String state(String workspace) throws SQLException {
    try (Connection states = stateDatabase(); Statement s = states.createStatement();
        ResultSet row = s.executeQuery("SELECT data FROM terraform_state.states WHERE name = '" + workspace + "'")) {
      assertThat(row.next()).as("a state for " + workspace).isTrue();
      return row.getString(1);
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String write(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
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
