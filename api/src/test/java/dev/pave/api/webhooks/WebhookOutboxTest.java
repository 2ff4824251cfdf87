package dev.pave.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.contract.RequestStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox against a real PostgreSQL: written by the request's move, in its transaction, started after its commit. */
class WebhookOutboxTest {

  static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static JdbiRequestLedger ledger;
  static final List<String> started = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    jdbi.getConfig(WebhookDispatch.class).starter(started::add);
    ledger = new JdbiRequestLedger(jdbi, new ObjectMapper());
    endpoint("whk_payments", "payments", null, "request.awaiting_approval", "request.succeeded");
    endpoint("whk_billing", "billing", null, "request.succeeded");
    endpoint("whk_everyone", null, null, "request.succeeded", "request.failed");
    endpoint("whk_disabled", "payments", T0, "request.succeeded");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aMoveIntoAnEventsStatusQueuesOneDeliveryPerSubscribedEndpointAndStartsThemAfterCommit() {
    insert("req_w000000000000001");
    ledger.setStatus("req_w000000000000001", RequestStatus.PLANNING);
    ledger.setStatus("req_w000000000000001", RequestStatus.CHECKING);
    assertThat(deliveriesOf("req_w000000000000001")).as("no event for planning or checking").isEmpty();
    ledger.setStatus("req_w000000000000001", RequestStatus.AWAITING_APPROVAL);
    assertThat(endpointsOf("req_w000000000000001")).containsExactly("whk_payments");
    ledger.startApplying("req_w000000000000001");
    ledger.end("req_w000000000000001", RequestStatus.SUCCEEDED, T0.plusSeconds(5), null);

    assertThat(endpointsOf("req_w000000000000001"))
        .as("its team's and every team's, not another team's nor a disabled one")
        .containsExactlyInAnyOrder("whk_payments", "whk_payments", "whk_everyone");
    assertThat(started).containsAll(deliveriesOf("req_w000000000000001"));
    assertThat(ledger.end("req_w000000000000001", RequestStatus.FAILED, T0.plusSeconds(6), "late")).isFalse();
    assertThat(deliveriesOf("req_w000000000000001")).as("a refused move sends nothing").hasSize(3);
  }

  @Test
  void aMoveThatRollsBackLeavesNoDeliveryAndStartsNone() {
    insert("req_w000000000000002");
    int startedBefore = started.size();

    assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
      ledger.end("req_w000000000000002", RequestStatus.FAILED, T0, "boom"); // joins this transaction
      assertThat(deliveriesOf("req_w000000000000002")).as("written in the move's transaction").hasSize(1);
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(jdbi.onDemand(RequestDao.class).find("req_w000000000000002").orElseThrow().status()).isEqualTo("queued");
    assertThat(deliveriesOf("req_w000000000000002")).isEmpty();
    assertThat(started).hasSize(startedBefore);
  }

  @Test
  void oneEventQueuesAtMostTheConfiguredNumberOfDeliveriesToTheOldestEndpoints() {
    endpoint("whk_cancel_3", "payments", null, T0.plusSeconds(3), "request.cancelled");
    endpoint("whk_cancel_1", "payments", null, T0.plusSeconds(1), "request.cancelled");
    endpoint("whk_cancel_2", "payments", null, T0.plusSeconds(2), "request.cancelled");
    insert("req_w000000000000003");
    jdbi.getConfig(WebhookDispatch.class).maxPerEvent(2);
    try {
      ledger.end("req_w000000000000003", RequestStatus.CANCELLED, T0.plusSeconds(9), null);
    } finally {
      jdbi.getConfig(WebhookDispatch.class).maxPerEvent(40);
    }

    assertThat(endpointsOf("req_w000000000000003")).as("webhooks.maxDeliveriesPerEvent = 2: a newer endpoint"
        + " never pushes out an older one").containsExactlyInAnyOrder("whk_cancel_1", "whk_cancel_2");
  }

  private static void endpoint(String id, String team, Instant disabledAt, String... events) {
    endpoint(id, team, disabledAt, T0, events);
  }

  private static void endpoint(String id, String team, Instant disabledAt, Instant createdAt, String... events) {
    jdbi.onDemand(WebhookDao.class).insert(new WebhookEndpointRow(id, team, "http://localhost:9/" + id, events,
        "standard", new byte[] {1}, null, null, "tok_admin", createdAt, null, disabledAt, null));
  }

  private static void insert(String id) {
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", "ws-" + id.substring(16),
        "dev", "payments", "ci-payments", "apply", "queued", "{\"database_name\": \"orders\"}", 24, null, "sha256:x",
        T0, null, null, null, null, null, null, null, 12.5, false, null, null, "requester", false, null,
        "tok_ci-payments", null));
  }

  private static List<String> deliveriesOf(String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM webhook_deliveries WHERE request_id = :id")
        .bind("id", requestId).mapTo(String.class).list());
  }

  private static List<String> endpointsOf(String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT endpoint_id FROM webhook_deliveries WHERE request_id = :id")
        .bind("id", requestId).mapTo(String.class).list());
  }
}
