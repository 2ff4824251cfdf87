package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.embedded.PaveServerRoles;
import dev.pave.api.home.EmbeddedPasswords;
import dev.pave.api.support.EmbeddedLogins;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import dev.pave.workflows.crypto.Hashes;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's workflow history outlives the embedded Temporal: it is archived when the workflow
 * closes, served from the archive after a restart (a new, empty Temporal on the same PAVE_HOME),
 * holds no secret, and the archive cannot be rewritten or emptied.
 */
class WorkflowHistoryArchiveTest {

  @TempDir Path home;

  @Test
  void aHistoryIsArchivedWithoutSecretsAndStillServedAfterARestart() throws Exception {
    int databasePort = freePort();
    ConfigOverride[] ports = {ConfigOverride.config("embedded.databasePort", String.valueOf(databasePort)),
        ConfigOverride.config("embedded.targetPort", String.valueOf(freePort()))};
    String id;
    String token;
    String password;
    String temporalCopy;
    DropwizardAppExtension<PaveConfiguration> first = PaveTestApp.embeddedIn(home, "pave-test.yml", ports);
    first.before();
    try {
      HttpApi api = new HttpApi(first.getLocalPort());
      token = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
          Map.of("name", "ci-history", "team", "payments", "role", "requester")).body().get("token").asText();
      id = api.post(token, "/v1/requests", Map.of("module", "postgres-database", "workspace", "history-db",
          "environment", "dev", "ttlHours", 24, "inputs", Map.of("database_name", "history_db")))
          .body().get("id").asText();
      JsonNode done = api.awaitTerminal(token, id, Duration.ofSeconds(90));
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
      password = api.get(token, "/v1/workspaces/history-db/outputs?reveal=true").body().get("password").asText();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32);
      awaitArchived(first, databasePort, id); // the workflow has closed: Temporal's copy is whole
      temporalCopy = api.get(token, "/v1/requests/" + id + "/history").raw().body();
    } finally {
      first.after();
    }

    DropwizardAppExtension<PaveConfiguration> restarted = PaveTestApp.embeddedIn(home, "pave-test.yml", ports);
    restarted.before();
    try {
      HttpApi api = new HttpApi(restarted.getLocalPort());
      HttpApi.Reply archived = api.get(token, "/v1/requests/" + id + "/history");
      assertThat(archived.status()).as(archived.raw().body()).isEqualTo(200);
      assertThat(archived.raw().body()).as("the archive holds the history Temporal served").isEqualTo(temporalCopy);
      JsonNode events = archived.body().get("events");
      assertThat(events.get(0).get("eventType").asText()).isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
      assertThat(events.get(events.size() - 1).get("eventType").asText())
          .isEqualTo("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
      for (String copy : new String[] {temporalCopy, archived.raw().body()}) {
        assertThat(copy).doesNotContain(password).doesNotContain(token).doesNotContain(PaveTestApp.ADMIN_TOKEN);
      }
      HttpApi.Reply trail = api.get(PaveTestApp.ADMIN_TOKEN,
          "/v1/audit?action=workflow_history.archived&target=" + id);
      assertThat(trail.body().get("events")).as("the archive's hash is on the audit trail, once").hasSize(1);
      assertThat(trail.body().get("events").get(0).at("/details/historySha256").asText())
          .isEqualTo(Hashes.sha256(
              archived.raw().body().getBytes(StandardCharsets.UTF_8)));

      HttpApi.Reply timeline = api.get(token, "/v1/requests/" + id + "/history?format=timeline");
      assertThat(timeline.status()).isEqualTo(200);
      assertThat(timeline.body().get("events").findValuesAsText("activity")).contains("Admit", "InitAndPlan", "Apply", "Finish");
      JsonNode last = timeline.body().get("events").get(timeline.body().get("events").size() - 1);
      assertThat(last.get("event").asText()).isEqualTo("workflow_execution_completed");
      assertThat(last.get("outcome").asText()).isEqualTo("succeeded");
      assertThat(last.get("actor").asText()).isEqualTo("system");

      // Terraform's output per step is Pave's too (V14), so it outlives the restart like the history.
      HttpApi.Reply logs = api.get(token, "/v1/requests/" + id + "/logs");
      assertThat(logs.status()).as(logs.raw().body()).isEqualTo(200);
      assertThat(logs.body().get("steps").findValuesAsText("step")).containsExactly("init", "plan", "apply");
      assertThat(logs.raw().body()).contains("Apply complete!").doesNotContain(password).doesNotContain(token);

      HttpApi.Reply bad = api.get(token, "/v1/requests/" + id + "/history?format=pdf");
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("format");
      String otherTeam = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens",
          Map.of("name", "ci-orders", "team", "orders", "role", "requester")).body().get("token").asText();
      assertThat(api.get(otherTeam, "/v1/requests/" + id + "/history").status()).isEqualTo(404);

      EmbeddedLogins logins = EmbeddedLogins.of(restarted);
      try (Connection app = EmbeddedLogins.connect(databasePort, "pave", PaveServerRoles.APP,
          logins.password(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP));
          Statement sql = app.createStatement()) {
        assertThatThrownBy(() -> sql.executeUpdate("UPDATE workflow_histories SET sha256 = 'x'"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM workflow_histories"))
            .hasMessageContaining("permission denied");
      }
      try (Connection owner = EmbeddedLogins.connect(databasePort, "pave", PaveServerRoles.OWNER,
          logins.password(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.OWNER));
          Statement sql = owner.createStatement()) {
        assertThatThrownBy(() -> sql.executeUpdate("UPDATE workflow_histories SET sha256 = 'x'"))
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM workflow_histories"))
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE workflow_histories"))
            .hasMessageContaining("append-only");
      }
    } finally {
      restarted.after();
    }
  }

  /** The archiver runs every few seconds beside the worker; the row appears soon after the close. */
  private static void awaitArchived(DropwizardAppExtension<PaveConfiguration> app, int port, String id)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    try (Connection db = EmbeddedLogins.of(app).paveDatabase(port); Statement sql = db.createStatement()) {
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet row = sql.executeQuery("SELECT sha256, octet_length(history_gzip) FROM workflow_histories"
            + " WHERE request_id = '" + id + "'")) {
          if (row.next()) {
            assertThat(row.getString(1)).startsWith("sha256:");
            return;
          }
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the history of " + id + " was not archived within 30 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
