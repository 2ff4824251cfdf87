package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.auth.Role;
import dev.pave.api.db.ApprovalRow;
import dev.pave.api.db.GuardrailDao;
import dev.pave.api.db.PlanDao;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.errors.ApiException;
import dev.pave.api.support.MigratedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cancel that lands after a reject the workflow has not yet acted on would change nothing (the
 * workflow reads the decision first): it is a 409 naming the status, and a cancel racing a reject
 * never has both answered as done. Against a real PostgreSQL with Pave's migrations.
 */
class CancelOrDecideTest {

  static final PavePrincipal REQUESTER = new PavePrincipal("tok_dana", "dana", "payments", Role.REQUESTER);
  static final String PLAN = "sha256:" + "a".repeat(64);
  static EmbeddedPostgres postgres;
  static Jdbi jdbi;

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aCancelAfterARejectIsAConflictNamingTheStatusAndMarksNothing() {
    String id = awaitingApproval("req_r000000000000001");
    reject(id);
    assertThatThrownBy(() -> jdbi.useTransaction(h -> CancelOrDecide.cancel(h, REQUESTER, id)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409))
        .hasMessageContaining("awaiting_approval").hasMessageContaining("rejected by alice");
    assertThat(jdbi.onDemand(RequestDao.class).cancelledBy(id)).isEmpty();
    assertThat(auditActions(id)).doesNotContain("request.cancel_requested");
  }

  @Test
  void aCancelBeforeADecisionIsRecordedAndTheDecisionIsThenAConflict() {
    String id = awaitingApproval("req_r000000000000002");
    jdbi.useTransaction(h -> CancelOrDecide.cancel(h, REQUESTER, id));
    assertThat(jdbi.onDemand(RequestDao.class).cancelledBy(id)).contains("dana");
    assertThatThrownBy(() -> jdbi.useTransaction(h -> CancelOrDecide.refuseDecisionAfterCancel(h, id)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409));
  }

  @Test
  void aCancelOfATerminalRequestIsAConflictNamingTheStatus() {
    String id = "req_r000000000000003";
    insert(id, "rejected");
    assertThatThrownBy(() -> jdbi.useTransaction(h -> CancelOrDecide.cancel(h, REQUESTER, id)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409))
        .hasMessageContaining("is rejected");
  }

  @Test
  void aCancelRacingARejectIsNeverAnsweredAsDoneAlongsideIt() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        String id = awaitingApproval(String.format("req_x%015d", round));
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> cancel = () -> attempt(start, () -> jdbi.useTransaction(h -> CancelOrDecide.cancel(h, REQUESTER, id)));
        Callable<Boolean> decide = () -> attempt(start, () -> jdbi.useTransaction(h -> {
          CancelOrDecide.refuseDecisionAfterCancel(h, id);
          // Between the look and the insert, where a cancel without the lock would slip in.
          Thread.sleep(5);
          h.attach(GuardrailDao.class).insertApproval(rejection(id));
        }));
        Future<Boolean> cancelled = threads.submit(cancel);
        Future<Boolean> rejected = threads.submit(decide);
        start.countDown();
        assertThat(cancelled.get() && rejected.get()).as("round %d: both answered as done", round).isFalse();
        assertThat(cancelled.get() || rejected.get()).as("round %d: one of them goes through", round).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  interface Work {
    void run() throws Exception;
  }

  private static boolean attempt(CountDownLatch start, Work work) throws Exception {
    start.await();
    try {
      work.run();
      return true;
    } catch (ApiException refused) {
      assertThat(refused.code()).isEqualTo(409);
      return false;
    }
  }

  private static String awaitingApproval(String id) {
    insert(id, "awaiting_approval");
    jdbi.onDemand(PlanDao.class).save(id, PLAN, new byte[] {1}, null);
    return id;
  }

  private static void reject(String id) {
    assertThat(jdbi.onDemand(GuardrailDao.class).insertApproval(rejection(id))).isEqualTo(1);
  }

  private static ApprovalRow rejection(String id) {
    return new ApprovalRow(id, PLAN, "reject", "alice", null, Instant.now(), "tok_alice");
  }

  private static void insert(String id, String status) {
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", "ws-" + id.substring(4).toLowerCase(),
        "prod", "payments", "dana", "apply", status, "{\"database_name\": \"orders\"}", null, null, "sha256:x",
        Instant.now(), null, null, null, null, null, null, null, 12.5, false, null, null, "requester", false, null,
        "tok_dana", null));
  }

  private static List<String> auditActions(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit_events WHERE target = :id")
        .bind("id", id).mapTo(String.class).list());
  }
}
