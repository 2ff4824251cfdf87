package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.WorkflowHistoryStore;
import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.client.TemporalProvisioning;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The archiver against a real PostgreSQL (Pave's migrations) and Temporal's test service: it
 * archives ended requests whose workflow has closed, waits for one still closing, skips one
 * Temporal never held, and a new archiver (a restarted process) takes what was missed, once.
 */
class HistoryArchiverTest {

  @WorkflowInterface
  public interface Closing {
    @WorkflowMethod
    String run();

    @SignalMethod
    void close();
  }

  public static class ClosingImpl implements Closing {
    private boolean closed;

    @Override
    public String run() {
      Workflow.await(() -> closed);
      return "succeeded";
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private EmbeddedPostgres postgres;
  private Jdbi jdbi;
  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;
  private WorkflowHistoryStore store;

  @BeforeEach
  void start() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    store = new WorkflowHistoryStore(jdbi);
    // Real time: with time skipping, waiting on one workflow's result skips the others to their
    // 10-year run timeout.
    temporal = TestWorkflowEnvironment.newInstance(
        io.temporal.testing.TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    temporal.newWorker("test").registerWorkflowImplementationTypes(ClosingImpl.class);
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stop() throws Exception {
    temporal.close();
    postgres.close();
  }

  @Test
  void archivesClosedWorkflowsOfEndedRequestsOnceAndCatchesUpAfterARestart() {
    request("req_h000000000000001", "succeeded");
    request("req_h000000000000002", "failed"); // ended, its workflow still closing
    request("req_h000000000000003", "cancelled"); // Temporal never held it (ended before a restart)
    request("req_h000000000000004", "queued"); // not ended: never archived while it runs
    Closing first = run("req_h000000000000001");
    first.close();
    run("req_h000000000000002");
    run("req_h000000000000004");
    client.newUntypedWorkflowStub("req_h000000000000001").getResult(String.class);

    HistoryArchiver archiver = new HistoryArchiver(new TemporalProvisioning(client), store, Clock.systemUTC());
    assertThat(archiver.archiveEnded()).isEqualTo(1);
    assertThat(latest("req_h000000000000001")).contains(client.fetchHistory("req_h000000000000001").toJson(true));
    assertThat(latest("req_h000000000000002")).isEmpty();
    assertThat(latest("req_h000000000000003")).isEmpty();
    assertThat(latest("req_h000000000000004")).isEmpty();

    client.newWorkflowStub(Closing.class, "req_h000000000000002").close();
    client.newUntypedWorkflowStub("req_h000000000000002").getResult(String.class);
    HistoryArchiver restarted = new HistoryArchiver(new TemporalProvisioning(client), store, Clock.systemUTC());
    assertThat(restarted.archiveEnded()).as("only what was missed").isEqualTo(1);
    assertThat(restarted.archiveEnded()).as("nothing twice").isZero();
    assertThat(latest("req_h000000000000002")).hasValueSatisfying(json -> assertThat(json).contains("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"));
    String hash = jdbi.withHandle(h -> h.createQuery("SELECT sha256 FROM workflow_histories WHERE request_id = :id")
        .bind("id", "req_h000000000000002").mapTo(String.class).one());
    assertThat(hash).isEqualTo(dev.pave.workflows.crypto.Hashes.sha256(
        latest("req_h000000000000002").orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void theLastPassWaitsForAClosingWorkflowAndTheSnapshotTakenBeforeTheEndStaysBesideTheWholeHistory()
      throws Exception {
    String id = "req_h000000000000005";
    request(id, "succeeded");
    Closing closing = run(id);
    ClosingHistorySnapshots snapshots = new ClosingHistorySnapshots(new TemporalProvisioning(client), store);
    snapshots.keep(id);
    snapshots.keep(id); // a success's finish step after its apply: the first snapshot stays
    Thread closer = new Thread(() -> {
      sleep(300);
      closing.close();
    });
    closer.start();
    HistoryArchiver archiver = new HistoryArchiver(new TemporalProvisioning(client), store, Clock.systemUTC());
    assertThat(archiver.archiveAllEnded(Duration.ofSeconds(20), Duration.ofMillis(50))).isEqualTo(1);
    closer.join();

    WorkflowHistoryStore.Stored snapshot = store.stored(id, WorkflowHistoryStore.Kind.SNAPSHOT).orElseThrow();
    WorkflowHistoryStore.Stored whole = store.stored(id, WorkflowHistoryStore.Kind.COMPLETE).orElseThrow();
    assertThat(snapshot.json()).contains("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED")
        .doesNotContain("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
    assertThat(whole.json()).contains("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
    assertThat(snapshot.matchesTrail()).isTrue();
    assertThat(whole.matchesTrail()).isTrue();
    int events = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events WHERE target = :id")
        .bind("id", id).mapTo(Integer.class).one());
    assertThat(events).as("one event per stored row").isEqualTo(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private java.util.Optional<String> latest(String requestId) {
    return store.stored(requestId, WorkflowHistoryStore.Kind.COMPLETE).map(WorkflowHistoryStore.Stored::json);
  }

  /** Starts a workflow with the request's id (as RunStarter does) and returns a stub for it. */
  private Closing run(String id) {
    Closing stub = client.newWorkflowStub(Closing.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("test").build());
    WorkflowClient.start(stub::run);
    return client.newWorkflowStub(Closing.class, id);
  }

  private void request(String id, String status) {
    boolean ended = !status.equals("queued");
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", "ws-" + id, "dev",
        "payments", "ci-payments", "apply", status, "{}", 24, null, "sha256:x",
        Instant.now(), null, null, null, null, null, null, null, 12.5, false, null, null, "requester", false, null,
        "tok_ci-payments", null));
    if (ended) {
      jdbi.useHandle(h -> h.execute("UPDATE requests SET finished_at = now() WHERE id = ?", id));
    }
  }
}
