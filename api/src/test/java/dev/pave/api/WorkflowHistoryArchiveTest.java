package dev.pave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.audit.AuditEvent;
import dev.pave.api.audit.AuditLog;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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
      HttpApi.Reply served = api.get(token, "/v1/requests/" + id + "/history");
      temporalCopy = served.raw().body();
      assertThat(served.raw().headers().firstValue("Pave-History-Archived")).contains("true");
      assertThat(served.raw().headers().firstValue("Pave-History-Complete")).contains("true");
      assertThat(served.raw().headers().firstValue("Pave-History-Verified")).contains("true");
      assertThat(served.raw().headers().firstValue("Pave-History-Sha256"))
          .contains(Hashes.sha256(temporalCopy.getBytes(StandardCharsets.UTF_8)));
      assertThat(kinds(first, databasePort, id)).as("the snapshot taken before the end, then the whole history")
          .containsExactlyInAnyOrder(false, true);
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
      assertThat(timeline.body().get("archived").asBoolean()).isTrue();
      assertThat(timeline.body().get("complete").asBoolean()).isTrue();
      assertThat(timeline.body().get("verified").asBoolean()).isTrue();
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

      // The runtime role cannot plant a history: not a second one, even with an event vouching
      // for it, nor one whose hash is not the one its event records.
      Jdbi asApp = Jdbi.create("jdbc:postgresql://127.0.0.1:" + databasePort + "/pave", PaveServerRoles.APP,
          logins.password(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP));
      byte[] forgedJson = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
      String forgedHash = Hashes.sha256(forgedJson);
      assertThatThrownBy(() -> asApp.useTransaction(h -> plant(h, id, "forged-run-1", forgedHash, forgedHash, forgedJson)))
          .as("a second history of the request").hasMessageContaining("workflow_histories_pkey");
      assertThatThrownBy(() -> asApp.useTransaction(h -> plant(h, id, "forged-run-2", "sha256:" + "0".repeat(64),
          forgedHash, forgedJson)))
          .as("a history whose hash is not the trail's").hasMessageContaining("does not match the audit trail");

      // The owner, past the triggers, can still rewrite the row: the endpoint then says so instead
      // of serving it as the history.
      try (Connection owner = EmbeddedLogins.connect(databasePort, "pave", PaveServerRoles.OWNER,
          logins.password(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.OWNER));
          Statement sql = owner.createStatement();
          PreparedStatement forge = owner.prepareStatement(
              "UPDATE workflow_histories SET history_gzip = ?, sha256 = ? WHERE request_id = ?")) {
        sql.execute("ALTER TABLE workflow_histories DISABLE TRIGGER workflow_histories_append_only");
        forge.setBytes(1, gzip(forgedJson));
        forge.setString(2, forgedHash);
        forge.setString(3, id);
        assertThat(forge.executeUpdate()).isPositive();
        sql.execute("ALTER TABLE workflow_histories ENABLE TRIGGER workflow_histories_append_only");
      }
      for (String format : new String[] {"json", "timeline"}) {
        HttpApi.Reply forged = api.get(token, "/v1/requests/" + id + "/history?format=" + format);
        assertThat(forged.status()).as(forged.raw().body()).isEqualTo(200);
        assertThat(forged.body().path("verified").asBoolean(true)).as(forged.raw().body()).isFalse();
        assertThat(forged.body().get("sha256").asText()).isEqualTo(forgedHash);
        assertThat(forged.body().get("trailSha256").asText()).isEqualTo(trail.body().get("events").get(0)
            .at("/details/historySha256").asText());
        assertThat(forged.body().get("problem").asText()).contains("not what the audit trail recorded");
        assertThat(forged.body().has("events")).as("the forged events are not served").isFalse();
      }
    } finally {
      restarted.after();
    }
  }

  /** What an insider with pave_app's rights would do: an event vouching for the row, then the row. */
  private static void plant(Handle h, String id, String run, String eventHash, String rowHash, byte[] json) {
    byte[] gzip = gzip(json);
    AuditLog.append(h, AuditEvent.bySystem("workflow_history.archived", id,
        Map.of("runId", run, "historySha256", eventHash, "storedSha256", Hashes.sha256(gzip))));
    h.createUpdate("INSERT INTO workflow_histories (request_id, workflow_id, run_id, closed_at, sha256, history_gzip)"
            + " VALUES (:id, :id, :run, now(), :hash, :gzip)")
        .bind("id", id).bind("run", run).bind("hash", rowHash).bind("gzip", gzip).execute();
  }

  private static byte[] gzip(byte[] plain) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(plain);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The kinds of stored history of a request: complete (true) or snapshot (false). */
  private static java.util.List<Boolean> kinds(DropwizardAppExtension<PaveConfiguration> app, int port, String id)
      throws SQLException {
    java.util.List<Boolean> kinds = new java.util.ArrayList<>();
    try (Connection db = EmbeddedLogins.of(app).paveDatabase(port); Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("SELECT complete FROM workflow_histories WHERE request_id = '" + id + "'")) {
      while (rows.next()) {
        kinds.add(rows.getBoolean(1));
      }
    }
    return kinds;
  }

  /** The archiver runs every few seconds beside the worker; its event appears soon after the close. */
  private static void awaitArchived(DropwizardAppExtension<PaveConfiguration> app, int port, String id)
      throws SQLException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    try (Connection db = EmbeddedLogins.of(app).paveDatabase(port); Statement sql = db.createStatement()) {
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet row = sql.executeQuery("SELECT details->>'historySha256' FROM audit_events"
            + " WHERE action = 'workflow_history.archived' AND target = '" + id + "'")) {
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
