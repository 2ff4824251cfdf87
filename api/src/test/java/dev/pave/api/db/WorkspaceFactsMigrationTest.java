package dev.pave.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database written before workspaces recorded their creator and live-since (V19):
 * both are recovered from the requests of the workspace's current life, after its last destroy.
 */
class WorkspaceFactsMigrationTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

  @BeforeAll
  static void upgradedDatabase() throws Exception {
    postgres = MigratedPostgres.startAt("18");
    jdbi = MigratedPostgres.jdbi(postgres);
    jdbi.useHandle(h -> {
      // orders: created by ann, destroyed, created again by bob (who also applied twice).
      request(h, "req_1", "orders", "ann", "apply", "succeeded", 0, 2);
      request(h, "req_2", "orders", "ann", "destroy", "succeeded", 10, 11);
      request(h, "req_3", "orders", "bob", "apply", "succeeded", 20, 25);
      request(h, "req_4", "orders", "ann", "apply", "succeeded", 30, 31);
      workspace(h, "orders", "live", 0);
      // broken: a first create that failed half-way.
      request(h, "req_5", "broken", "cat", "apply", "failed", 40, 41);
      workspace(h, "broken", "failed", 41);
    });
    MigratedPostgres.migrate(postgres, null);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aLiveWorkspaceIsCreatedByAndLiveSinceTheFirstApplyOfItsCurrentLife() {
    Map<String, Object> orders = row("orders");
    assertThat(orders.get("created_by_name")).isEqualTo("bob");
    assertThat(orders.get("created_by_subject")).isEqualTo("tok_bob");
    assertThat(((java.sql.Timestamp) orders.get("live_since")).toInstant()).isEqualTo(T0.plusSeconds(25));
  }

  @Test
  void aFailedWorkspaceHasItsCreatorAndIsNotLive() {
    Map<String, Object> broken = row("broken");
    assertThat(broken.get("created_by_name")).isEqualTo("cat");
    assertThat(broken.get("live_since")).isNull();
  }

  private static Map<String, Object> row(String name) {
    return jdbi.withHandle(h -> h.createQuery("SELECT created_by_subject, created_by_name, live_since FROM workspaces"
        + " WHERE name = :name").bind("name", name).mapToMap().one());
  }

  private static void request(Handle h, String id, String workspace, String requester, String action, String status,
      int createdAt, int finishedAt) {
    h.createUpdate("INSERT INTO requests (id, module, version, workspace, environment, team, requester,"
            + " requester_subject, action, status, inputs, request_hash, created_at, finished_at) VALUES (:id,"
            + " 'postgres-database', '1.0.0', :workspace, 'prod', 'payments', :requester, :subject, :action, :status,"
            + " '{}', 'h', :createdAt, :finishedAt)")
        .bind("id", id).bind("workspace", workspace).bind("requester", requester).bind("subject", "tok_" + requester)
        .bind("action", action).bind("status", status).bind("createdAt", T0.plusSeconds(createdAt))
        .bind("finishedAt", T0.plusSeconds(finishedAt)).execute();
  }

  private static void workspace(Handle h, String name, String status, int createdAt) {
    h.createUpdate("INSERT INTO workspaces (name, module, version, team, environment, status, inputs, last_request_id,"
            + " created_at, updated_at) VALUES (:name, 'postgres-database', '1.0.0', 'payments', 'prod', :status, '{}',"
            + " 'req_x', :at, :at)")
        .bind("name", name).bind("status", status).bind("at", T0.plusSeconds(createdAt)).execute();
  }
}
