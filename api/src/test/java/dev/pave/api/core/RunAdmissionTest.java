package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiException;
import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.contract.RequestStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission against a real PostgreSQL with Pave's migrations: which requests may start, and when
 * the waiting ones do. What starts is what reaches the engine's door ({@link RecordedRuns}).
 */
class RunAdmissionTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");

  RecordedRuns runs;
  List<String> started;
  RunAdmission admission;
  TeamRunLimit limit;
  JdbiRequestLedger ledger;

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() {
    jdbi.useHandle(h -> {
      h.execute("SET session_replication_role = replica");
      h.execute("TRUNCATE requests, request_steps, plans, workspaces, request_policy_results, approvals CASCADE");
      h.execute("SET session_replication_role = origin");
    });
    runs = new RecordedRuns();
    started = runs.started;
    admission = new RunAdmission(jdbi, new RunStarter(runs, jdbi), 2, Clock.systemUTC());
    limit = new TeamRunLimit(jdbi, admission, 3, Clock.systemUTC());
    ledger = new JdbiRequestLedger(jdbi, new ObjectMapper(), admission);
  }

  @Test
  void aTeamsRequestsBeyondItsRunningLimitAreStoredAndStartOldestFirstAsItsRunsEnd() {
    accept("req_q000000000000001", "payments", "orders-1");
    accept("req_q000000000000002", "payments", "orders-2");
    accept("req_q000000000000003", "payments", "orders-3");
    accept("req_q000000000000004", "payments", "orders-4");
    assertThat(started).containsExactly("req_q000000000000001", "req_q000000000000002");

    ledger.end("req_q000000000000002", RequestStatus.FAILED, T0, "terraform failed");
    assertThat(started).as("the end of a run hands its slot to the oldest waiting request")
        .containsExactly("req_q000000000000001", "req_q000000000000002", "req_q000000000000003");

    ledger.setStatus("req_q000000000000001", RequestStatus.PLANNING);
    ledger.setStatus("req_q000000000000001", RequestStatus.CHECKING);
    assertThat(started).hasSize(3);
    ledger.setStatus("req_q000000000000001", RequestStatus.AWAITING_APPROVAL);
    assertThat(started).as("a run awaiting an approval holds no worker, so it holds no slot")
        .endsWith("req_q000000000000004").hasSize(4);
  }

  @Test
  void anotherTeamsRequestStartsAtOnceWhileATeamsBurstWaits() {
    for (int i = 1; i <= 5; i++) {
      accept("req_b00000000000000" + i, "busy", "busy-" + i);
    }
    accept("req_c000000000000001", "calm", "calm-1");
    assertThat(started).containsExactly("req_b000000000000001", "req_b000000000000002", "req_c000000000000001");
  }

  @Test
  void aRequestBehindAnUnfinishedOneOfItsWorkspaceTakesNoSlotUntilItsTurn() {
    accept("req_w000000000000001", "payments", "orders");
    accept("req_w000000000000002", "payments", "orders");
    accept("req_w000000000000003", "payments", "billing");
    assertThat(started).as("the second of orders could only wait in its line; billing gets the slot")
        .containsExactly("req_w000000000000001", "req_w000000000000003");

    ledger.end("req_w000000000000001", RequestStatus.FAILED, T0, "terraform failed");
    assertThat(started).endsWith("req_w000000000000002");
  }

  @Test
  void pastItsWaitingBoundATeamGets429AndNothingIsStoredButARetryIsStillAnswered() {
    for (int i = 1; i <= 5; i++) { // 2 running, 3 waiting
      accept("req_l00000000000000" + i, "payments", "orders-" + i);
    }
    assertThatThrownBy(() -> accept("req_l000000000000006", "payments", "orders-6"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(429);
          assertThat(e.retryAfterSeconds()).isPositive();
          assertThat(e.getMessage()).contains("3 requests waiting");
        });
    int stored = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM requests").mapTo(Integer.class).one());
    assertThat(stored).isEqualTo(5);
    assertThat(limit.insert(row("req_l000000000000007", "payments", "orders-1", "key-1"), handle -> {}))
        .as("a retry with a stored Idempotency-Key is not refused: it is answered with the stored request")
        .isFalse();
  }

  @Test
  void theSweepAdmitsWhatWaitsAfterARestartEvenWhenNoEndWasSeen() {
    for (int i = 1; i <= 4; i++) {
      accept("req_s00000000000000" + i, "payments", "orders-" + i);
    }
    // Ended by a process that crashed before it could hand its slots on.
    JdbiRequestLedger crashed = new JdbiRequestLedger(jdbi, new ObjectMapper());
    crashed.end("req_s000000000000001", RequestStatus.FAILED, T0, "terraform failed");
    crashed.end("req_s000000000000002", RequestStatus.FAILED, T0, "terraform failed");
    started.clear();

    RunAdmission restarted = new RunAdmission(jdbi, new RunStarter(runs, jdbi), 2, Clock.systemUTC());
    assertThat(restarted.sweep()).isEqualTo(2);
    assertThat(started).containsExactly("req_s000000000000003", "req_s000000000000004");
    assertThat(restarted.sweep()).as("nothing is admitted twice").isZero();
    assertThat(new RunStarter(new RecordedRuns(), jdbi).resumeUnfinished())
        .as("a restart resumes the admitted unfinished runs only").isEqualTo(2);
  }

  @Test
  void aWaitingRequestThatIsCancelledStartsOutOfTurnSoItsRunCanEndIt() {
    for (int i = 1; i <= 3; i++) {
      accept("req_x00000000000000" + i, "payments", "orders-" + i);
    }
    limit.admitToCancel("req_x000000000000003");
    assertThat(started).endsWith("req_x000000000000003").hasSize(3);
    limit.admitToCancel("req_x000000000000003");
    assertThat(started).as("admitted once").hasSize(3);
  }

  private void accept(String id, String team, String workspace) {
    assertThat(limit.insert(row(id, team, workspace, "key-" + id.substring(id.length() - 1)), handle -> {})).isTrue();
  }

  private static RequestRow row(String id, String team, String workspace, String key) {
    return new RequestRow(id, "postgres-database", "1.0.0", workspace, "dev", team, "ci-" + team, "apply", "queued",
        "{}", null, key, "sha256:" + id, T0, null, null, null, null, null, null, null, 1.0, false, null, null,
        "requester", false, null, "tok_ci-" + team, null);
  }
}
