package dev.pave.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pave.api.PaveConfiguration;
import dev.pave.api.embedded.PaveServerRoles;
import dev.pave.api.home.EmbeddedPasswords;
import dev.pave.api.session.SessionCookie;
import dev.pave.api.support.BrowserHttp;
import dev.pave.api.support.EmbeddedLogins;
import dev.pave.api.support.HttpApi;
import dev.pave.api.support.PaveTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail through real HTTP, the real workflow and Terraform: what a request's life
 * leaves on it, who may read it, and that PostgreSQL itself keeps it append-only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailEndToEndTest {

  static final int DB_PORT = freePort();
  static final DropwizardAppExtension<PaveConfiguration> APP = PaveTestApp.embedded(
      ConfigOverride.config("embedded.databasePort", String.valueOf(DB_PORT)),
      ConfigOverride.config("audit.checkpointEvery", "5"));
  static final Duration WAIT = Duration.ofSeconds(90);
  static HttpApi api;
  static final Map<String, String> tokens = new java.util.HashMap<>();
  static final Map<String, String> ids = new java.util.HashMap<>();

  @BeforeAll
  static void tokens() {
    api = new HttpApi(APP.getLocalPort());
    issue("ci-ledger", "ledger", "requester");
    issue("ana", "platform", "approver");
    issue("audra", "compliance", "auditor");
  }

  @Test
  @Order(1)
  void aRequestsWholeLifeIsOnTheTrailWithoutASecret() {
    String requester = tokens.get("ci-ledger");
    String dev = accepted(requester, "dev", "audit-dev");
    assertThat(api.awaitTerminal(requester, dev, WAIT).get("status").asText()).isEqualTo("succeeded");
    String prod = accepted(requester, "prod", "audit-prod");
    api.awaitStatus(requester, prod, "awaiting_approval", WAIT);
    HttpApi.Reply approved = api.post(tokens.get("ana"), "/v1/requests/" + prod + "/approval",
        Map.of("decision", "approve", "comment", "fine"));
    assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    assertThat(api.awaitTerminal(requester, prod, WAIT).get("status").asText()).isEqualTo("succeeded");
    String password = api.get(requester, "/v1/workspaces/audit-dev/outputs?reveal=true").body().get("password").asText();
    BrowserHttp web = new BrowserHttp(APP.getLocalPort());
    String cookie = BrowserHttp.cookie(web.signIn(tokens.get("audra")), SessionCookie.NAME).orElseThrow();
    HttpResponse<String> out = web.post("/dashboard/sign-out", "", cookie);
    assertThat(out.statusCode()).isEqualTo(303);

    List<JsonNode> devEvents = all("target=" + dev);
    assertThat(actions(devEvents)).containsSubsequence("request.accepted", "policy.evaluated", "request.planning",
        "request.checking", "policy.evaluated", "request.applying", "apply.finished", "request.succeeded");
    JsonNode acceptedEvent = devEvents.get(0);
    assertThat(acceptedEvent.at("/actor/subject").asText()).isEqualTo(ids.get("ci-ledger"));
    assertThat(acceptedEvent.at("/actor/team").asText()).isEqualTo("ledger");
    assertThat(acceptedEvent.at("/details/requestHash").asText()).matches("sha256:[0-9a-f]{64}");
    JsonNode evaluated = devEvents.stream().filter(e -> e.get("action").asText().equals("policy.evaluated"))
        .findFirst().orElseThrow();
    assertThat(evaluated.at("/details/policyHash").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(evaluated.at("/details/result").asText()).isNotEmpty();
    assertThat(devEvents.get(devEvents.size() - 1).at("/actor/subject").asText()).isEqualTo("system");

    List<JsonNode> prodEvents = all("target=" + prod);
    assertThat(actions(prodEvents)).containsSubsequence("request.accepted", "request.awaiting_approval",
        "approval.decided", "request.applying", "request.succeeded");
    JsonNode decided = prodEvents.stream().filter(e -> e.get("action").asText().equals("approval.decided"))
        .findFirst().orElseThrow();
    assertThat(decided.at("/actor/subject").asText()).isEqualTo(ids.get("ana"));
    assertThat(decided.at("/details/decision").asText()).isEqualTo("approve");

    List<JsonNode> everything = all("");
    assertThat(actions(everything)).contains("catalog.loaded", "policies.loaded", "token.issued", "secret.revealed",
        "session.signed_in", "session.signed_out");
    assertThat(everything.stream().filter(e -> e.get("action").asText().equals("token.issued")).findFirst()
        .orElseThrow().get("target").asText()).as("the admin token seeded at first start").isEqualTo("tok_admin");
    JsonNode revealed = everything.stream().filter(e -> e.get("action").asText().equals("secret.revealed"))
        .findFirst().orElseThrow();
    assertThat(revealed.get("target").asText()).isEqualTo("workspace:audit-dev");
    assertThat(revealed.at("/actor/subject").asText()).isEqualTo(ids.get("ci-ledger"));
    // No token, no revealed password, no plan anywhere on the trail.
    String text = everything.toString();
    for (String token : tokens.values()) {
      assertThat(text).doesNotContain(token);
    }
    assertThat(text).doesNotContain(PaveTestApp.ADMIN_TOKEN).doesNotContain(password).doesNotContain(cookie)
        .doesNotContain("\"fine\"");
  }

  @Test
  @Order(2)
  void cancelsRejectionsRevocationsAndSimulationsAreOnTheTrailToo() {
    String requester = tokens.get("ci-ledger");
    String held = accepted(requester, "prod", "audit-cancel");
    api.awaitStatus(requester, held, "awaiting_approval", WAIT);
    assertThat(api.post(requester, "/v1/requests/" + held + "/cancel", Map.of()).status()).isEqualTo(200);
    assertThat(api.awaitTerminal(requester, held, WAIT).get("status").asText()).isEqualTo("cancelled");
    List<JsonNode> cancelled = all("target=" + held);
    assertThat(actions(cancelled)).containsSubsequence("request.accepted", "request.cancel_requested",
        "request.cancelled");
    assertThat(cancelled.stream().filter(e -> e.get("action").asText().equals("request.cancel_requested"))
        .findFirst().orElseThrow().at("/actor/subject").asText()).isEqualTo(ids.get("ci-ledger"));

    String refused = accepted(requester, "prod", "audit-reject");
    api.awaitStatus(requester, refused, "awaiting_approval", WAIT);
    assertThat(api.post(tokens.get("ana"), "/v1/requests/" + refused + "/approval",
        Map.of("decision", "reject", "comment", "no")).status()).isEqualTo(200);
    assertThat(api.awaitTerminal(requester, refused, WAIT).get("status").asText()).isEqualTo("rejected");
    assertThat(actions(all("target=" + refused))).containsSubsequence("approval.decided", "request.rejected");

    issue("short-lived", "ledger", "requester");
    assertThat(api.delete(PaveTestApp.ADMIN_TOKEN, "/v1/tokens/" + ids.get("short-lived")).status()).isEqualTo(204);
    assertThat(actions(all("target=" + ids.get("short-lived")))).containsExactly("token.issued", "token.revoked");

    String candidate = "name: audit-candidate\ndescription: test\nstage: request\nenforcement: advisory\n"
        + "deny: \"false\"\nmessage: never\n";
    HttpApi.Reply simulated = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/policies/simulate", Map.of("since", "1h",
        "policies", List.of(Map.of("path", "audit-candidate.yaml", "content", candidate))));
    assertThat(simulated.status()).as(simulated.body().toString()).isEqualTo(200);
    JsonNode run = all("action=policy.simulated").get(0);
    assertThat(run.at("/details/candidates/audit-candidate.yaml").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(run.toString()).doesNotContain("never");
  }

  @Test
  @Order(3)
  void onlyAuditorsAndAdminsReadTheTrailAndTheKeyIsPublic() {
    assertThat(api.get(tokens.get("audra"), "/v1/audit").status()).isEqualTo(200);
    assertThat(api.get(PaveTestApp.ADMIN_TOKEN, "/v1/audit/verify").status()).isEqualTo(200);
    assertThat(api.get(tokens.get("ci-ledger"), "/v1/audit").status()).isEqualTo(403);
    assertThat(api.get(tokens.get("ana"), "/v1/audit/verify").status()).isEqualTo(403);
    assertThat(api.get(null, "/v1/audit").status()).isEqualTo(401);
    assertThat(api.get(null, "/v1/audit/public-key").status()).as("every call but health needs a token").isEqualTo(401);
    HttpApi.Reply key = api.get(tokens.get("ci-ledger"), "/v1/audit/public-key");
    assertThat(key.status()).isEqualTo(200);
    assertThat(key.body().get("algorithm").asText()).isEqualTo("Ed25519");
    assertThat(key.body().get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(CheckpointKey.publicKey(key.body().get("pem").asText(), "pem"))
        .isEqualTo(CheckpointKey.publicKey(key.body().get("publicKey").asText(), "publicKey"));
  }

  @Test
  @Order(4)
  void badParametersAreRefusedNamingTheField() {
    for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=1001", "limit"}, {"limit=ten", "limit"},
        {"cursor=nonsense", "cursor"}, {"since=yesterday", "since"}, {"until=soon", "until"}}) {
      HttpApi.Reply reply = api.get(tokens.get("audra"), "/v1/audit?" + bad[0]);
      assertThat(reply.status()).as(bad[0]).isEqualTo(422);
      assertThat(reply.body().at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
  }

  @Test
  @Order(5)
  void pagesFollowEachOtherOldestFirstAndFiltersHold() {
    List<JsonNode> paged = all("limit=2");
    List<JsonNode> whole = all("limit=1000");
    assertThat(paged.stream().map(e -> e.get("seq").asLong()).toList())
        .isEqualTo(whole.stream().map(e -> e.get("seq").asLong()).toList());
    for (int i = 1; i < whole.size(); i++) {
      assertThat(whole.get(i).get("seq").asLong()).isEqualTo(whole.get(i - 1).get("seq").asLong() + 1);
      assertThat(whole.get(i).get("prevHash").asText()).isEqualTo(whole.get(i - 1).get("hash").asText());
    }
    assertThat(all("action=token.issued")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("token.issued"));
    assertThat(all("actor=ana")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.at("/actor/subject").asText()).isEqualTo(ids.get("ana")));
    assertThat(all("team=ledger")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.at("/actor/team").asText()).isEqualTo("ledger"));
    assertThat(all("since=2999-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  @Order(6)
  void theApplicationsRoleCannotChangeWhatIsRecorded() throws SQLException {
    EmbeddedLogins logins = EmbeddedLogins.of(APP);
    try (Connection app = EmbeddedLogins.connect(DB_PORT, "pave", PaveServerRoles.APP,
        logins.password(EmbeddedPasswords.PAVE_SERVER, PaveServerRoles.APP)); Statement sql = app.createStatement()) {
      for (String change : List.of("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events",
          "TRUNCATE audit_events", "UPDATE audit_checkpoints SET seq = 0", "DELETE FROM audit_checkpoints",
          "UPDATE approvals SET decision = 'reject'", "DELETE FROM approvals",
          "UPDATE request_policy_results SET result = 'pass'", "DELETE FROM request_policy_results",
          "UPDATE request_steps SET outcome = 'ok' WHERE finished_at IS NOT NULL",
          "DELETE FROM request_steps WHERE finished_at IS NOT NULL", "TRUNCATE request_steps CASCADE")) {
        assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
            .hasMessageMatching("(?s).*(permission denied|append-only|is closed).*");
      }
      // It can still read and append, as it must.
      try (var rs = sql.executeQuery("SELECT count(*) FROM audit_events")) {
        rs.next();
        assertThat(rs.getLong(1)).isPositive();
      }
    }
  }

  @Test
  @Order(7)
  void theApplicationsRoleCannotLeaveAGapNorSilenceTheCheckpoints() throws Exception {
    for (int i = 0; i < 5; i++) {
      issue("before-forgery-" + i, "ledger", "requester");
    }
    JsonNode before = awaitCheckpointAtHead();
    long head = before.get("events").asLong();
    String headHash = before.at("/lastCheckpoint/headHash").asText();
    try (Connection app = asRole(PaveServerRoles.APP); Statement sql = app.createStatement()) {
      // One far-future row used to stop every later checkpoint (the signer trusted the newest row).
      assertThatThrownBy(() -> sql.execute("INSERT INTO audit_checkpoints VALUES (" + (head + 1_000_000)
          + ", '" + headHash + "', now(), 'a2V5', 'c2lnbmF0dXJl')")).isInstanceOf(SQLException.class)
          .hasMessageContaining("current head");
      assertThatThrownBy(() -> sql.execute("INSERT INTO audit_events (seq, at, actor_subject, actor_name, action,"
          + " details, prev_hash, hash) VALUES (" + (head + 1000) + ", now(), 'x', 'x', 'forged', '{}', '" + headHash
          + "', 'sha256:x')")).isInstanceOf(SQLException.class).hasMessageContaining("gap");
    }
    for (int i = 0; i < 5; i++) {
      issue("after-forgery-" + i, "ledger", "requester");
    }
    JsonNode after = awaitCheckpointAtHead();
    assertThat(after.at("/lastCheckpoint/seq").asLong()).as("signing goes on").isGreaterThanOrEqualTo(head + 5);
    assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
  }

  @Test
  @Order(8)
  void anEventChangedByTheDatabaseOwnerIsFoundByVerification() throws Exception {
    JsonNode verified = awaitCheckpoint();
    assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("firstBrokenEvent").isNull()).isTrue();
    assertThat(verified.at("/lastCheckpoint/headHash").asText()).startsWith("sha256:");
    long seq = all("action=approval.decided").get(0).get("seq").asLong();
    try (Connection owner = EmbeddedLogins.of(APP).paveDatabase(DB_PORT); Statement sql = owner.createStatement()) {
      sql.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
      sql.execute("UPDATE audit_events SET details = jsonb_set(details, '{decision}', '\"reject\"') WHERE seq = " + seq);
      sql.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
    }
    JsonNode broken = api.get(tokens.get("audra"), "/v1/audit/verify").body();
    assertThat(broken.get("valid").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenEvent").asLong()).isEqualTo(seq);
    assertThat(broken.get("events").asLong()).isEqualTo(seq);
    try (Connection owner = EmbeddedLogins.of(APP).paveDatabase(DB_PORT); Statement sql = owner.createStatement()) {
      sql.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
      sql.execute("UPDATE audit_events SET details = jsonb_set(details, '{decision}', '\"approve\"') WHERE seq = " + seq);
      sql.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
    }
    assertThat(api.get(tokens.get("audra"), "/v1/audit/verify").body().get("valid").asBoolean())
        .as("put back as it was").isTrue();
  }

  @Test
  @Order(9)
  void aTailCutByTheSchemaOwnerTogetherWithItsCheckpointsIsFound() throws Exception {
    for (int i = 0; i < 5; i++) {
      issue("before-cut-" + i, "ledger", "requester");
    }
    JsonNode intact = awaitCheckpointAtHead();
    assertThat(intact.get("valid").asBoolean()).as(intact.toString()).isTrue();
    long anchored = intact.at("/lastCheckpoint/seq").asLong();

    // The schema owner, Pave's own login in cluster mode with one database.user, cuts the last
    // three events and every checkpoint after the cut: what is left is a consistent chain.
    long cutAt = anchored - 3;
    try (Connection owner = asRole(PaveServerRoles.OWNER); Statement sql = owner.createStatement()) {
      sql.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only");
      sql.execute("ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only");
      sql.execute("DELETE FROM audit_events WHERE seq > " + cutAt);
      sql.execute("DELETE FROM audit_checkpoints WHERE seq > " + cutAt);
      sql.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only");
      sql.execute("ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_append_only");
    }
    HttpApi.Reply reply = api.get(tokens.get("audra"), "/v1/audit/verify");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode cut = reply.body();
    assertThat(cut.get("valid").asBoolean()).as(cut.toString()).isFalse();
    assertThat(cut.get("firstBrokenEvent").asLong()).isEqualTo(cutAt + 1);
    assertThat(cut.at("/cut/anchoredSeq").asLong()).isEqualTo(anchored);
    assertThat(cut.at("/cut/chainHeadSeq").asLong()).isEqualTo(cutAt);
    assertThat(cut.at("/cut/anchoredIn").asText()).isEqualTo("anchor file");
    assertThat(cut.get("reason").asText()).contains("cut");

    // What found it: every checkpoint, appended to a private file outside the database, signed.
    assertThat(intact.at("/anchor/seq").asLong()).isEqualTo(anchored);
    Path anchors = Path.of(APP.getConfiguration().home).resolve(CheckpointAnchors.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(anchors))).isEqualTo("rw-------");
    java.security.PublicKey key = CheckpointKey.publicKey(
        api.get(tokens.get("audra"), "/v1/audit/public-key").body().get("pem").asText(), "pem");
    List<String> lines = Files.readAllLines(anchors);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(Checkpoint.fromJson(CanonicalJson.mapper().readTree(line)).signatureValid(key)).as(line).isTrue();
    }
    assertThat(CanonicalJson.mapper().readTree(lines.get(lines.size() - 1)).get("seq").asLong()).isEqualTo(anchored);
  }

  private static Connection asRole(String role) {
    return EmbeddedLogins.connect(DB_PORT, "pave", role,
        EmbeddedLogins.of(APP).password(EmbeddedPasswords.PAVE_SERVER, role));
  }

  /**
   * Waits until a checkpoint signs the chain's current head. A checkpoint comes every 5 events
   * (checkpointEvery here), so when fewer than 5 followed the last one, events are added until
   * they reach it: how many the earlier tests appended must not decide whether this one passes.
   */
  private static JsonNode awaitCheckpointAtHead() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode verified = api.get(tokens.get("audra"), "/v1/audit/verify").body();
      long sinceCheckpoint = verified.get("events").asLong() - verified.at("/lastCheckpoint/seq").asLong(0);
      if (sinceCheckpoint == 0) {
        return verified;
      }
      for (long filler = sinceCheckpoint; filler < 5; filler++) {
        issue("filler-" + FILLERS.incrementAndGet(), "ledger", "requester");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint reached the head: " + verified);
      }
      Thread.sleep(500);
    }
  }

  private static JsonNode awaitCheckpoint() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode verified = api.get(tokens.get("audra"), "/v1/audit/verify").body();
      if (!verified.get("lastCheckpoint").isNull() || System.nanoTime() > deadline) {
        return verified;
      }
      Thread.sleep(500);
    }
  }

  private static List<JsonNode> all(String query) {
    List<JsonNode> events = new ArrayList<>();
    String cursor = null;
    do {
      String path = "/v1/audit?" + query + (cursor == null ? "" : "&cursor=" + cursor);
      HttpApi.Reply reply = api.get(tokens.get("audra"), path);
      assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
      reply.body().get("events").forEach(events::add);
      cursor = reply.body().get("nextCursor").isNull() ? null : reply.body().get("nextCursor").asText();
    } while (cursor != null);
    return events;
  }

  private static List<String> actions(List<JsonNode> events) {
    return events.stream().map(e -> e.get("action").asText()).toList();
  }

  private static String accepted(String token, String environment, String workspace) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("module", "postgres-database", "workspace", workspace,
        "environment", environment, "inputs", Map.of("database_name", workspace.replace('-', '_'))));
    if (environment.equals("dev")) {
      body.put("ttlHours", 24);
    }
    HttpApi.Reply reply = api.post(token, "/v1/requests", body);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static final AtomicInteger FILLERS = new AtomicInteger();

  private static void issue(String name, String team, String role) {
    HttpApi.Reply reply = api.post(PaveTestApp.ADMIN_TOKEN, "/v1/tokens", Map.of("name", name, "team", team, "role", role));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    tokens.put(name, reply.body().get("token").asText());
    ids.put(name, reply.body().get("id").asText());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
