package dev.pave.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.contract.StepName;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DAOs and the ledger against a real PostgreSQL with Pave's real migrations. */
class JdbiRequestLedgerTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static JdbiRequestLedger ledger;
  static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    ledger = new JdbiRequestLedger(jdbi, new ObjectMapper());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void empty() {
    // Those tables refuse TRUNCATE (V9, append-only); replica mode skips the refusing triggers,
    // which only a superuser may, as this test's connection is.
    jdbi.useHandle(h -> {
      h.execute("SET session_replication_role = replica");
      h.execute("TRUNCATE requests, request_steps, plans, workspaces, request_policy_results, approvals CASCADE");
      h.execute("SET session_replication_role = origin");
    });
  }

  @Test
  void aWorkspaceLineIsFirstComeFirstServedAndSkipsFinishedRequests() {
    insert("req_a000000000000001", "orders", T0);
    insert("req_a000000000000002", "orders", T0.plusSeconds(1));
    insert("req_a000000000000003", "billing", T0.plusSeconds(2));
    insert("req_a000000000000004", "orders", T0.plusSeconds(3));

    assertThat(ledger.claimWorkspace("req_a000000000000001")).isTrue();
    assertThat(ledger.claimWorkspace("req_a000000000000002")).isFalse();
    assertThat(ledger.claimWorkspace("req_a000000000000003")).as("another workspace has its own line").isTrue();
    assertThat(ledger.nextInLine("req_a000000000000001")).contains("req_a000000000000002");

    toApplying("req_a000000000000001");
    ledger.end("req_a000000000000001", RequestStatus.SUCCEEDED, T0.plusSeconds(10), null);
    assertThat(ledger.claimWorkspace("req_a000000000000002")).isTrue();
    assertThat(ledger.claimWorkspace("req_a000000000000002")).as("a resumed run keeps its claim").isTrue();
    assertThat(ledger.nextInLine("req_a000000000000002")).contains("req_a000000000000004");
  }

  @Test
  void aRequestStampedEarlierButCommittedLaterWaitsForTheOneThatHoldsTheWorkspace() {
    insert("req_f000000000000002", "orders", T0.plusSeconds(1));
    assertThat(ledger.claimWorkspace("req_f000000000000002")).isTrue();
    // A concurrent POST stamped earlier commits only now: it is the head of the line by time,
    // but the workspace is held, so it waits instead of running beside the holder.
    insert("req_f000000000000001", "orders", T0);
    assertThat(ledger.claimWorkspace("req_f000000000000001")).isFalse();
    toApplying("req_f000000000000002");
    ledger.end("req_f000000000000002", RequestStatus.SUCCEEDED, T0.plusSeconds(5), null);
    assertThat(ledger.claimWorkspace("req_f000000000000001")).isTrue();
  }

  @Test
  void aRetriedStepKeepsItsFirstStartAndDurationsAreComputedInTheDatabase() {
    insert("req_b000000000000001", "orders", T0);
    ledger.stepStarted("req_b000000000000001", StepName.PLAN, T0.plusMillis(100), "system");
    ledger.stepStarted("req_b000000000000001", StepName.PLAN, T0.plusMillis(900), "system"); // a retried attempt
    ledger.stepFinished("req_b000000000000001", StepName.PLAN, T0.plusMillis(1350), "ok", null);
    ledger.stepStarted("req_b000000000000001", StepName.APPROVAL, T0.plusSeconds(2), "pending");
    ledger.stepFinished("req_b000000000000001", StepName.APPROVAL, T0.plusSeconds(62), "approved", "alice");

    List<StepRow> steps = jdbi.onDemand(StepDao.class).forRequest("req_b000000000000001");
    assertThat(steps).extracting(StepRow::name).containsExactly("plan", "approval");
    assertThat(steps.get(0).startedAt()).isEqualTo(T0.plusMillis(100));
    assertThat(steps.get(0).durationMs()).isEqualTo(1250);
    assertThat(steps.get(1).actor()).isEqualTo("alice");
    assertThat(steps.get(1).durationMs()).isEqualTo(60_000);
    assertThat(steps.get(0).worker()).as("host:pid of this process").matches(".+:\\d+");
  }

  @Test
  void leadTimeIsRecordedForSucceededRequestsOnlyAndAnEndIsFinal() {
    insert("req_c000000000000001", "orders", T0);
    insert("req_c000000000000002", "billing", T0);
    toApplying("req_c000000000000001");
    ledger.end("req_c000000000000001", RequestStatus.SUCCEEDED, T0.plusMillis(2140), null);
    ledger.end("req_c000000000000002", RequestStatus.FAILED, T0.plusMillis(900), "terraform apply failed");
    ledger.end("req_c000000000000001", RequestStatus.FAILED, T0.plusSeconds(9), "too late");

    RequestRow succeeded = jdbi.onDemand(RequestDao.class).find("req_c000000000000001").orElseThrow();
    assertThat(succeeded.status()).isEqualTo("succeeded");
    assertThat(succeeded.leadTimeMs()).isEqualTo(2140);
    RequestRow failed = jdbi.onDemand(RequestDao.class).find("req_c000000000000002").orElseThrow();
    assertThat(failed.leadTimeMs()).isNull();
    assertThat(failed.error()).isEqualTo("terraform apply failed");
  }

  @Test
  void aPlanIsStoredSealedAndReplacedByARePlan() {
    insert("req_d000000000000001", "orders", T0);
    ledger.savePlan("req_d000000000000001", new SavedPlan(new byte[] {1, 2}, "sha256:one", new byte[] {3}), 2, 0, 0);
    ledger.savePlan("req_d000000000000001", new SavedPlan(new byte[] {4}, "sha256:two", new byte[] {5}), 0, 1, 0);
    SavedPlan plan = ledger.loadPlan("req_d000000000000001").orElseThrow();
    assertThat(plan.sha256()).isEqualTo("sha256:two");
    assertThat(plan.sealed()).containsExactly(4);
    RequestRow row = jdbi.onDemand(RequestDao.class).find("req_d000000000000001").orElseThrow();
    assertThat(List.of(row.planAdd(), row.planChange(), row.planDestroy())).containsExactly(0, 1, 0);
  }

  @Test
  void outputsMakeTheWorkspaceLiveAndADestroyEndsIt() {
    insert("req_e000000000000001", "orders", T0);
    toApplying("req_e000000000000001");
    ledger.recordOutputs("req_e000000000000001", Map.of("host", new ObjectMapper().valueToTree("127.0.0.1")),
        List.of("password"), new byte[] {9});
    WorkspaceRow live = jdbi.onDemand(WorkspaceDao.class).find("orders").orElseThrow();
    assertThat(live.status()).isEqualTo("live");
    assertThat(live.outputs()).contains("127.0.0.1").doesNotContain("password\":");
    assertThat(live.sensitiveOutputs()).containsExactly("password");

    jdbi.useHandle(h -> h.execute("INSERT INTO requests (id, module, version, workspace, environment, team,"
        + " requester, action, status, inputs, request_hash, created_at, requester_subject) VALUES ('req_e000000000000002',"
        + " 'postgres-database', '1.0.0', 'orders', 'dev', 'payments', 'ci', 'destroy', 'applying', '{}', 'h', now(),"
        + " 'tok_ci')"));
    ledger.end("req_e000000000000002", RequestStatus.SUCCEEDED, T0.plusSeconds(5), null);
    WorkspaceRow destroyed = jdbi.onDemand(WorkspaceDao.class).find("orders").orElseThrow();
    assertThat(destroyed.status()).isEqualTo("destroyed");
    assertThat(destroyed.sealedSecrets()).isNull();
  }

  @Test
  void aWorkspaceKeepsTheEnvironmentItWasCreatedInAndThePolicyStepReadsItsStoredFacts() {
    insert("req_w000000000000001", "orders", T0);
    assertThat(ledger.workspaceOf(ledger.load("req_w000000000000001")))
        .isEqualTo(dev.pave.workflows.policy.PolicyInputs.Workspace.NONE);
    toApplying("req_w000000000000001");
    ledger.recordOutputs("req_w000000000000001", Map.of(), List.of(), null);
    var created = ledger.workspaceOf(ledger.load("req_w000000000000001"));
    assertThat(created.exists()).isTrue();
    assertThat(List.of(created.environment(), created.status(), created.version(), created.createdBySubject(),
        created.createdByName())).containsExactly("dev", "live", "1.0.0", "tok_ci-payments", "ci-payments");
    assertThat(created.liveSince()).isNotNull();

    // A request labelled prod that reached the apply (accepted before the workspace existed).
    jdbi.useHandle(h -> h.execute("INSERT INTO requests (id, module, version, workspace, environment, team,"
        + " requester, requester_subject, action, status, inputs, request_hash, created_at) VALUES ('req_w000000000000002',"
        + " 'postgres-database', '1.0.1', 'orders', 'prod', 'payments', 'ops', 'tok_ops', 'apply', 'applying', '{}', 'h',"
        + " now())"));
    ledger.recordOutputs("req_w000000000000002", Map.of(), List.of(), null);
    var changed = ledger.workspaceOf(ledger.load("req_w000000000000002"));
    assertThat(changed.environment()).as("never relabelled").isEqualTo("dev");
    assertThat(changed.version()).isEqualTo("1.0.1");
    assertThat(changed.createdByName()).as("still its creator").isEqualTo("ci-payments");
    assertThat(changed.liveSince()).as("live since its first apply").isEqualTo(created.liveSince());

    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE workspaces SET environment = 'prod'")))
        .hasMessageContaining("its environment never changes");
    assertThat(jdbi.onDemand(WorkspaceDao.class).find("orders").orElseThrow().environment()).isEqualTo("dev");
  }

  @Test
  void aRequestEndingBeforeItsApplyFreesItsNamesOrHandsThemToTheNextInLine() {
    insert("req_n000000000000001", "orders", T0);
    insert("req_n000000000000002", "orders", T0.plusSeconds(1));
    reserve("shop", "req_n000000000000001");

    ledger.end("req_n000000000000001", RequestStatus.DENIED, T0.plusSeconds(2), "denied");
    assertThat(reservations().holder("database_name", "[]", "shop")).as("the next request of the workspace asked for it too")
        .isEqualTo("orders");
    ledger.end("req_n000000000000002", RequestStatus.CANCELLED, T0.plusSeconds(3), null);
    assertThat(reservations().holder("database_name", "[]", "shop")).as("nothing was created: free again").isNull();
  }

  @Test
  void anApplyThatFailedAfterItBeganKeepsItsNamesUntilTheWorkspaceIsDestroyed() {
    insert("req_m000000000000001", "orders", T0);
    reserve("shop", "req_m000000000000001");
    ledger.stepStarted("req_m000000000000001", StepName.APPLY, T0.plusSeconds(1), "system");
    ledger.end("req_m000000000000001", RequestStatus.FAILED, T0.plusSeconds(2), "outage");
    assertThat(jdbi.onDemand(WorkspaceDao.class).find("orders").orElseThrow().status())
        .as("something may exist: the workspace can be retried or destroyed").isEqualTo("failed");
    assertThat(reservations().holder("database_name", "[]", "shop")).isEqualTo("orders");

    jdbi.useHandle(h -> h.execute("INSERT INTO requests (id, module, version, workspace, environment, team,"
        + " requester, requester_subject, action, status, inputs, request_hash, created_at) VALUES ('req_m000000000000002',"
        + " 'postgres-database', '1.0.0', 'orders', 'dev', 'payments', 'ci', 'tok_ci', 'destroy', 'applying', '{}', 'h',"
        + " now())"));
    ledger.end("req_m000000000000002", RequestStatus.SUCCEEDED, T0.plusSeconds(5), null);
    assertThat(jdbi.onDemand(WorkspaceDao.class).find("orders").orElseThrow().status()).isEqualTo("destroyed");
    assertThat(reservations().holder("database_name", "[]", "shop")).isNull();
  }

  /** The lifecycle's legal path to checking, where an apply may start. */
  private static void toChecking(String id) {
    assertThat(ledger.setStatus(id, RequestStatus.PLANNING)).isTrue();
    assertThat(ledger.setStatus(id, RequestStatus.CHECKING)).isTrue();
  }

  /** The lifecycle's legal path to applying, from which a request may succeed. */
  private static void toApplying(String id) {
    toChecking(id);
    assertThat(ledger.startApplying(id)).isEmpty();
  }

  @Test
  void anIllegalMoveChangesNothingAndALegalOneMoves() {
    insert("req_l000000000000001", "orders", T0);
    assertThat(ledger.setStatus("req_l000000000000001", RequestStatus.CHECKING)).as("queued -> checking").isFalse();
    assertThat(ledger.end("req_l000000000000001", RequestStatus.SUCCEEDED, T0.plusSeconds(1), null))
        .as("queued -> succeeded").isFalse();
    assertThatThrownBy(() -> ledger.startApplying("req_l000000000000001")).as("queued -> applying")
        .hasMessageContaining("is queued and cannot start applying");
    RequestRow untouched = jdbi.onDemand(RequestDao.class).find("req_l000000000000001").orElseThrow();
    assertThat(untouched.status()).isEqualTo("queued");
    assertThat(untouched.finishedAt()).isNull();
    assertThat(auditActions("req_l000000000000001")).as("a refused move writes no event").isEmpty();

    toApplying("req_l000000000000001");
    assertThat(ledger.startApplying("req_l000000000000001")).as("a retried apply goes on").isEmpty();
    assertThat(ledger.setStatus("req_l000000000000001", RequestStatus.PLANNING)).as("applying -> planning (stale plan)")
        .isTrue();
    assertThat(ledger.setStatus("req_l000000000000001", RequestStatus.CHECKING)).isTrue();
    assertThat(ledger.startApplying("req_l000000000000001")).isEmpty();
    assertThat(ledger.end("req_l000000000000001", RequestStatus.SUCCEEDED, T0.plusSeconds(3), null)).isTrue();
    assertThat(ledger.end("req_l000000000000001", RequestStatus.FAILED, T0.plusSeconds(4), "late")).as("terminal").isFalse();
    assertThat(ledger.load("req_l000000000000001").status()).isEqualTo(RequestStatus.SUCCEEDED);
    assertThat(auditActions("req_l000000000000001")).containsExactly("request.planning", "request.checking",
        "request.applying", "request.planning", "request.checking", "request.applying", "request.succeeded");
  }

  @Test
  void aSpeculativePlanSucceedsFromCheckingAndNeverStartsApplying() {
    insert("req_p000000000000001", "orders", T0, "plan");
    insert("req_p000000000000002", "billing", T0, "apply");
    toChecking("req_p000000000000001");
    toChecking("req_p000000000000002");
    assertThatThrownBy(() -> ledger.startApplying("req_p000000000000001")).as("a plan never applies")
        .hasMessageContaining("cannot start applying");
    assertThat(ledger.end("req_p000000000000002", RequestStatus.SUCCEEDED, T0.plusSeconds(1), null))
        .as("an apply succeeds only by applying").isFalse();
    assertThat(ledger.end("req_p000000000000001", RequestStatus.SUCCEEDED, T0.plusSeconds(1), null)).isTrue();
    assertThat(auditActions("req_p000000000000001")).containsExactly("request.planning", "request.checking",
        "request.succeeded");
  }

  @Test
  void postgresRefusesAPlanThatAwaitsApprovalOrApplies() {
    // What an older worker's SQL would do with a plan: PostgreSQL itself refuses it (V13).
    insert("req_q000000000000001", "orders", T0, "plan");
    for (String status : List.of("awaiting_approval", "applying")) {
      assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
          "UPDATE requests SET status = ? WHERE id = 'req_q000000000000001'", status)))
          .as(status).hasMessageContaining("requests_plan_never_applies");
    }
    assertThatThrownBy(() -> insert("req_q000000000000002", "orders", T0, "preview"))
        .hasMessageContaining("requests_action_check");
  }

  @Test
  void aCancelIsRefusedOnceTheLifecycleNoLongerAllowsOne() {
    insert("req_k000000000000001", "orders", T0);
    toApplying("req_k000000000000001");
    assertThat(jdbi.onDemand(RequestDao.class).requestCancel("req_k000000000000001", "alice", "tok_alice")).isZero();
    assertThat(ledger.end("req_k000000000000001", RequestStatus.CANCELLED, T0.plusSeconds(1), null))
        .as("applying -> cancelled").isFalse();
    assertThat(ledger.load("req_k000000000000001").status()).isEqualTo(RequestStatus.APPLYING);
  }

  private static List<String> auditActions(String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit_events WHERE target = :id ORDER BY seq")
        .bind("id", requestId).mapTo(String.class).list());
  }

  private static NameReservationDao reservations() {
    return jdbi.onDemand(NameReservationDao.class);
  }

  private static void reserve(String name, String requestId) {
    assertThat(reservations().reserve("database_name", "[]", name, "orders", "payments", requestId, T0)).isOne();
  }

  private static void insert(String id, String workspace, Instant createdAt) {
    insert(id, workspace, createdAt, "apply");
  }

  private static void insert(String id, String workspace, Instant createdAt, String action) {
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", workspace, "dev",
        "payments", "ci-payments", action, "queued", "{\"database_name\": \"orders\"}", 24, null, "sha256:x",
        createdAt, null, null, null, null, null, null, null, 12.5, false, null, null, "requester", false, null,
        "tok_ci-payments", null));
  }

  /** A query that says which server process (so which connection) ran it. */
  interface BackendPid {
    @org.jdbi.v3.sqlobject.statement.SqlQuery("SELECT pg_backend_pid()")
    int pid();
  }

  @Test
  void aSessionRunsEveryCallInItOnOneConnection() {
    insert("req_s000000000000001", "orders", T0);
    java.util.Set<Integer> pids = new java.util.HashSet<>();

    ledger.session(() -> {
      pids.add(jdbi.onDemand(BackendPid.class).pid());
      ledger.stepStarted("req_s000000000000001", StepName.QUEUE, T0, "system");
      ledger.setStatus("req_s000000000000001", RequestStatus.PLANNING);
      jdbi.useTransaction(h -> pids.add(h.attach(BackendPid.class).pid()));
      pids.add(jdbi.onDemand(BackendPid.class).pid());
      return null;
    });

    assertThat(pids).hasSize(1);
    assertThat(ledger.load("req_s000000000000001").status()).as("each statement committed")
        .isEqualTo(RequestStatus.PLANNING);
  }

  @Test
  void aCancelAndTheStartOfAnApplyNeverBothWin() {
    insert("req_c000000000000001", "orders", T0);
    insert("req_c000000000000002", "billing", T0);
    RequestDao requests = jdbi.onDemand(RequestDao.class);

    toChecking("req_c000000000000001");
    toChecking("req_c000000000000002");
    assertThat(requests.requestCancel("req_c000000000000001", "alice", "tok_alice")).isEqualTo(1);
    assertThat(ledger.startApplying("req_c000000000000001")).as("the cancel came first").contains("alice");
    assertThat(ledger.load("req_c000000000000001").status()).isNotEqualTo(RequestStatus.APPLYING);

    assertThat(ledger.startApplying("req_c000000000000002")).as("the apply came first").isEmpty();
    assertThat(requests.requestCancel("req_c000000000000002", "alice", "tok_alice")).as("too late to cancel").isZero();
    assertThat(ledger.load("req_c000000000000002").status()).isEqualTo(RequestStatus.APPLYING);
  }
}
