package dev.pave.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database written before subjects were recorded (V7): subjects are recovered only
 * where a name names exactly one token, duplicate token names within a team are resolved, and
 * self-cancels are counted by subject.
 */
class IdentityMigrationTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;

  @BeforeAll
  static void upgradedDatabase() throws Exception {
    postgres = MigratedPostgres.startAt("4");
    jdbi = MigratedPostgres.jdbi(postgres);
    jdbi.useHandle(h -> {
      h.execute("INSERT INTO tokens (id, name, team, role, token_hash, created_at) VALUES"
          + " ('tok_sam_old', 'sam', 'payments', 'requester', 'h1', '2026-01-01'),"
          + " ('tok_sam_new', 'sam', 'payments', 'approver', 'h2', '2026-02-01'),"
          + " ('tok_ann_pay', 'ann', 'payments', 'requester', 'h3', '2026-01-01'),"
          + " ('tok_ann_bil', 'ann', 'billing', 'requester', 'h4', '2026-01-01'),"
          + " ('tok_root', 'root', 'platform', 'admin', 'h5', '2026-01-01')");
      h.execute("INSERT INTO tokens (id, name, team, role, token_hash, created_at, revoked_at) VALUES"
          + " ('tok_ann_gone', 'ann', 'payments', 'requester', 'h6', '2025-01-01', '2025-06-01')");
      request(h, "req_ann_pay", "payments", "ann", "cancelled", "ann");    // ann cancels: which ann?
      request(h, "req_sam", "payments", "sam", "queued", null);           // two active sams
      request(h, "req_ann_bil", "billing", "ann", "cancelled", "root");   // an admin cancelled it
      h.execute("INSERT INTO approvals (request_id, plan_sha256, decision, approver, decided_at) VALUES"
          + " ('req_sam', 'sha256:p', 'approve', 'root', now())");
    });
    MigratedPostgres.migrate(postgres, null);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aNameThatNamesExactlyOneTokenBecomesItsIdAndAnyOtherAMarker() {
    // ann of payments: the revoked token of the same name is a token too, so two tokens match.
    assertThat(subjects("requester_subject")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "req_ann_pay", "unresolved:ann", "req_sam", "unresolved:sam", "req_ann_bil", "tok_ann_bil"));
    assertThat(subjects("cancelled_by_subject")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "req_ann_pay", "unresolved:ann", "req_ann_bil", "tok_root"));
    String approver = jdbi.withHandle(h -> h.createQuery("SELECT approver_subject FROM approvals").mapTo(String.class).one());
    assertThat(approver).isEqualTo("tok_root");
  }

  @Test
  void theNewestTokenKeepsADuplicatedNameAndOlderOnesAreSuffixed() {
    Map<String, String> names = jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM tokens")
        .setMapKeyColumn("id").setMapValueColumn("name").collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
    assertThat(names).containsEntry("tok_sam_new", "sam").containsEntry("tok_sam_old", "sam~tok_sam_old")
        .containsEntry("tok_ann_pay", "ann").containsEntry("tok_ann_bil", "ann").containsEntry("tok_ann_gone", "ann");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("INSERT INTO tokens (id, name, team, role, token_hash)"
        + " VALUES ('tok_sam_3', 'sam', 'payments', 'auditor', 'h7')"))).hasMessageContaining("tokens_name_per_team");
  }

  @Test
  void selfCancelsAreCountedBySubject() {
    Map<String, Boolean> selfCancelled = jdbi.withHandle(h -> h.createQuery(
            "SELECT request_id, self_cancelled FROM metrics_requests WHERE status = 'cancelled'")
        .setMapKeyColumn("request_id").setMapValueColumn("self_cancelled")
        .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Boolean>>() {}));
    assertThat(selfCancelled).containsEntry("req_ann_bil", false).containsEntry("req_ann_pay", true);
  }

  @Test
  void anIdempotencyKeyIsNowScopedToTeamAndSubject() {
    jdbi.useHandle(h -> {
      h.execute("UPDATE requests SET idempotency_key = 'k' WHERE id IN ('req_ann_pay', 'req_ann_bil')");
    });
    int withKey = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM requests WHERE idempotency_key = 'k'")
        .mapTo(Integer.class).one());
    assertThat(withKey).as("same name and key in two teams no longer collide").isEqualTo(2);
  }

  private static void request(org.jdbi.v3.core.Handle h, String id, String team, String requester, String status,
      String cancelledBy) {
    h.createUpdate("INSERT INTO requests (id, module, version, workspace, environment, team, requester, action,"
            + " status, inputs, request_hash, created_at, cancelled_by, cancel_requested)"
            + " VALUES (:id, 'postgres-database', '1.0.0', :id, 'dev', :team, :requester, 'apply', :status, '{}',"
            + " 'h', now(), :cancelledBy, CAST(:cancelledBy AS text) IS NOT NULL)")
        .bind("id", id).bind("team", team).bind("requester", requester).bind("status", status)
        .bind("cancelledBy", cancelledBy).execute();
  }

  private static Map<String, String> subjects(String column) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, " + column + " FROM requests WHERE " + column + " IS NOT NULL")
        .setMapKeyColumn("id").setMapValueColumn(column)
        .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
  }
}
