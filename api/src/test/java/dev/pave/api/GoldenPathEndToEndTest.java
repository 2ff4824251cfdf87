package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The golden path through real HTTP, the real Temporal workflow (embedded service), the real
 * Terraform binary and two real PostgreSQL clusters: provision a database, connect to it with
 * the credentials Pave hands out, destroy it, check it is gone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GoldenPathEndToEndTest {

  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded();
  static HttpApi api;
  static String payments;
  static String otherTeam;

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    payments = issue("ci-payments", "payments", "requester");
    otherTeam = issue("ci-search", "search", "requester");
  }

  static String issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  @Test
  void provisionsConnectsDestroys() throws SQLException {
    HttpApi.Reply accepted = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "orders-db", "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "orders")));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(accepted.header("Location")).endsWith("/v1/requests/" + id);
    assertThat(accepted.body().get("status").asText()).isIn("queued", "planning");

    JsonNode done = api.awaitTerminal(payments, id, Duration.ofSeconds(90));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.get("team").asText()).isEqualTo("payments");
    assertThat(done.get("requester").asText()).isEqualTo("ci-payments");
    assertThat(stepNames(done)).containsExactly("queue", "policy", "init", "plan", "policy", "apply");
    for (JsonNode step : done.get("steps")) {
      assertThat(step.get("outcome").asText()).isEqualTo("ok");
      assertThat(step.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
      assertThat(step.get("actor").asText()).isEqualTo("system");
    }
    assertThat(done.get("leadTimeMs").asLong()).isPositive();
    assertThat(done.at("/plan/add").asInt()).isPositive();
    assertThat(done.at("/plan/destroy").asInt()).isZero();
    JsonNode outputs = done.get("outputs");
    assertThat(outputs.get("database").asText()).isEqualTo("orders");
    assertThat(outputs.get("username").asText()).isEqualTo("orders_owner");
    assertThat(outputs.get("password").asText()).isEqualTo("(sensitive)");
    assertThat(done.toString()).doesNotContain(revealedPassword("orders-db"));

    // The other team cannot see it, or even learn that it exists.
    assertThat(api.get(otherTeam, "/v1/requests/" + id).status()).isEqualTo(404);
    assertThat(api.get(otherTeam, "/v1/workspaces/orders-db").status()).isEqualTo(404);
    assertThat(api.get(otherTeam, "/v1/workspaces/orders-db/outputs?reveal=true").status()).isEqualTo(404);

    JsonNode workspace = api.get(payments, "/v1/workspaces/orders-db").body();
    assertThat(workspace.get("status").asText()).isEqualTo("live");
    assertThat(workspace.get("lastRequestId").asText()).isEqualTo(id);
    assertThat(workspace.at("/outputs/password").asText()).isEqualTo("(sensitive)");

    String password = revealedPassword("orders-db");
    String url = "jdbc:postgresql://" + outputs.get("host").asText() + ":" + outputs.get("port").asInt() + "/orders";
    try (Connection owner = DriverManager.getConnection(url, "orders_owner", password);
        ResultSet rs = owner.createStatement().executeQuery("SELECT current_database(), current_user")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("orders");
      assertThat(rs.getString(2)).isEqualTo("orders_owner");
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, "orders_owner", password + "x").close())
        .isInstanceOf(SQLException.class);

    HttpApi.Reply destroy = api.post(payments, "/v1/requests", Map.of("module", "postgres-database",
        "workspace", "orders-db", "environment", "dev", "action", "destroy"));
    assertThat(destroy.status()).as(destroy.body().toString()).isEqualTo(202);
    JsonNode destroyed = api.awaitTerminal(payments, destroy.body().get("id").asText(), Duration.ofSeconds(90));
    assertThat(destroyed.get("status").asText()).as(destroyed.toString()).isEqualTo("succeeded");
    assertThat(destroyed.at("/plan/destroy").asInt()).isPositive();
    assertThatThrownBy(() -> DriverManager.getConnection(url, "orders_owner", password).close())
        .isInstanceOf(SQLException.class);
    assertThat(api.get(payments, "/v1/workspaces/orders-db").body().get("status").asText()).isEqualTo("destroyed");
    assertThat(api.get(payments, "/v1/workspaces").body().get("workspaces")).isEmpty();
  }

  @Test
  void aTerraformFailureEndsTheRequestFailedWithTerraformsMessage() {
    // The module refuses to adopt a database that is not the workspace's: template1 is the server's own.
    String second = api.post(payments, "/v1/requests", Map.of("module", "postgres-database", "workspace", "ledger-b",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "template1"))).body().get("id").asText();
    JsonNode failed = api.awaitTerminal(payments, second, Duration.ofSeconds(90));
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("is not available on this server").doesNotContain("Exception").doesNotContain("at dev.pave");
    assertThat(failed.get("steps").get(failed.get("steps").size() - 1).get("outcome").asText()).isEqualTo("failed");
    assertThat(failed.get("leadTimeMs").isNull()).isTrue();
  }

  @Test
  void historyIsTheTemporalWorkflowHistory() {
    String id = api.post(payments, "/v1/requests", Map.of("module", "postgres-database", "workspace", "audit-db",
        "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "audit_trail"))).body().get("id").asText();
    api.awaitTerminal(payments, id, Duration.ofSeconds(90));
    HttpApi.Reply history = api.get(payments, "/v1/requests/" + id + "/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.body().get("events").get(0).get("eventType").asText()).contains("WORKFLOW_EXECUTION_STARTED");
    assertThat(api.get(otherTeam, "/v1/requests/" + id + "/history").status()).isEqualTo(404);
  }

  private static String revealedPassword(String workspace) {
    HttpApi.Reply reply = api.get(payments, "/v1/workspaces/" + workspace + "/outputs?reveal=true");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    String password = reply.body().get("password").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo("(sensitive)");
    return password;
  }

  private static List<String> stepNames(JsonNode request) {
    return java.util.stream.StreamSupport.stream(request.get("steps").spliterator(), false)
        .map(s -> s.get("name").asText()).toList();
  }
}
