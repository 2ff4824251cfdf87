package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers on the pg backend, seen through the wrapper. Plans are too quick to overlap
 * reliably, so an apply whose provisioner sleeps holds the lock while the second run tries.
 */
class TerraformStateLockTest {

  @TempDir static Path pgData;
  static EmbeddedPostgres pg;

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);
  private Map<String, String> env;

  @BeforeAll
  static void startPostgres() {
    pg = TestPostgres.start(pgData);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @BeforeEach
  void environment(@TempDir Path home) {
    env = TerraformEnvironment.minimal(home, settings, Map.of("PG_CONN_STR", TestPostgres.connStr(pg)));
  }

  @Test
  void aSecondRunOnTheSameWorkspaceFailsFastOrWaitsForTheLock(@TempDir Path first, @TempDir Path second)
      throws Exception {
    workspace(first, "sleep 2", "ws_orders"); // two work dirs on one state, as on two workers
    workspace(second, "sleep 2", "ws_orders");
    CompletableFuture<ApplyResult> apply = applyHoldingTheLock(first);

    assertThatThrownBy(() -> terraform.plan(second, env, planTo(Duration.ZERO), TerraformListener.NONE))
        .isInstanceOf(StateLockedException.class)
        .hasMessageContaining("Error acquiring the state lock");

    PlanResult waited = terraform.plan(second, env, planTo(Duration.ofSeconds(30)), TerraformListener.NONE);
    assertThat(apply.get(30, TimeUnit.SECONDS).summary()).isEqualTo(new ChangeSummary(1, 0, 0));
    assertThat(waited.hasChanges()).as("planned after the apply, on the shared state").isFalse();
  }

  /**
   * Terraform 1.11's pg backend takes advisory lock -1 (database-wide, whatever the schema) for a
   * workspace's first state write, and every lock attempt also tries -1: while a new workspace's
   * first apply runs, no other workspace in the state database can lock. Pave must therefore
   * give every run a lock timeout longer than a first apply, never 0.
   */
  @Test
  void theFirstApplyOfANewWorkspaceLocksEveryOtherWorkspace(@TempDir Path existing, @TempDir Path created)
      throws Exception {
    workspace(existing, "true", "ws_existing");
    terraform.apply(existing, env, Path.of("tfplan"), null, TerraformListener.NONE); // its state row exists now
    workspace(created, "sleep 2", "ws_new");
    CompletableFuture<ApplyResult> firstApply = applyHoldingTheLock(created);

    assertThatThrownBy(() -> terraform.plan(existing, env, planTo(Duration.ZERO), TerraformListener.NONE))
        .isInstanceOf(StateLockedException.class)
        .hasMessageContaining("already locked for workspace creation");
    assertThat(terraform.plan(existing, env, planTo(Duration.ofSeconds(30)), TerraformListener.NONE).hasChanges())
        .isFalse();
    firstApply.get(30, TimeUnit.SECONDS);
  }

  /** init and a saved plan in {@code dir}, whose apply runs {@code command}. */
  private void workspace(Path dir, String command, String schema) {
    TestConfigs.slowModule(dir, command);
    TestConfigs.write(dir, "_pave_backend.tf", TestConfigs.PG_BACKEND);
    terraform.init(dir, env, new InitOptions(Map.of("schema_name", schema), Duration.ofSeconds(30)));
    terraform.plan(dir, env, planTo(Duration.ofSeconds(30)), TerraformListener.NONE);
  }

  private CompletableFuture<ApplyResult> applyHoldingTheLock(Path dir) throws InterruptedException {
    CountDownLatch provisioning = new CountDownLatch(1);
    CompletableFuture<ApplyResult> apply = CompletableFuture.supplyAsync(() ->
        terraform.apply(dir, env, Path.of("tfplan"), null, event -> {
          if ("provision_start".equals(event.path("type").asText())) {
            provisioning.countDown();
          }
        }));
    assertThat(provisioning.await(20, TimeUnit.SECONDS)).as("apply reached its provisioner").isTrue();
    return apply;
  }

  private static PlanOptions planTo(Duration lockTimeout) {
    return new PlanOptions(null, Path.of("tfplan"), false, lockTimeout);
  }
}
