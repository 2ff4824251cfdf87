package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state database goes away while an apply saves its state: Terraform leaves
 * {@code errored.tfstate}, and once the database is back, pushing it makes the saved plan stale,
 * so nothing is applied a second time. The outage is real: the module's provisioner kills the
 * PostgreSQL server that holds the state, in the middle of the apply.
 */
class ErroredStateRecoveryTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path pgData;
  @TempDir Path work;
  @TempDir Path home;
  private EmbeddedPostgres pg;
  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);

  @AfterEach
  void stop() throws Exception {
    pg.close();
  }

  @Test
  void anAppliedButUnsavedStateIsPushedAndTheOldPlanIsNeverAppliedAgain() throws Exception {
    pg = TestPostgres.keepingData(pgData, 0);
    int port = pg.getPort();
    TestConfigs.write(work, "main.tf", """
        terraform {
          backend "pg" {}
        }
        resource "terraform_data" "outage" {
          provisioner "local-exec" {
            command = "echo applied >> applied.log; kill -QUIT $(head -1 \\"$STATE_PGDATA/postmaster.pid\\")"
          }
        }
        """);
    Map<String, String> env = TerraformEnvironment.minimal(home, settings, Map.of(
        "PG_CONN_STR", TestPostgres.connStr(pg) + "&connect_timeout=2", "STATE_PGDATA", pgData.toString()));
    terraform.init(work, env, new InitOptions(Map.of("schema_name", "outage"), LOCK_TIMEOUT));
    terraform.plan(work, env, new PlanOptions(null, Path.of("tfplan"), false, LOCK_TIMEOUT), TerraformListener.NONE);

    assertThatThrownBy(() -> terraform.apply(work, env, Path.of("tfplan"), LOCK_TIMEOUT, TerraformListener.NONE))
        .isInstanceOf(BackendUnavailableException.class);
    assertThat(work.resolve(Terraform.ERRORED_STATE)).exists();
    assertThatThrownBy(() -> terraform.pushErroredState(work, env, LOCK_TIMEOUT))
        .as("still down: the file stays for the next try").isInstanceOf(BackendUnavailableException.class);
    assertThat(work.resolve(Terraform.ERRORED_STATE)).exists();

    pg.close(); // zonky's handle on the killed server: releases its lock on the data folder
    pg = TestPostgres.keepingData(pgData, port);
    assertThat(terraform.pushErroredState(work, env, LOCK_TIMEOUT)).isTrue();

    assertThat(work.resolve(Terraform.ERRORED_STATE)).doesNotExist();
    assertThat(stateInDatabase()).contains("terraform_data").contains("outage");
    assertThatThrownBy(() -> terraform.apply(work, env, Path.of("tfplan"), LOCK_TIMEOUT, TerraformListener.NONE))
        .isInstanceOf(StalePlanException.class);
    PlanResult again = terraform.plan(work, env, new PlanOptions(null, Path.of("tfplan2"), false, LOCK_TIMEOUT),
        TerraformListener.NONE);
    assertThat(again.hasChanges()).as("everything the first apply did is in the state").isFalse();
    assertThat(Files.readAllLines(work.resolve("applied.log"))).as("the provisioner ran once").hasSize(1);
    assertThat(terraform.pushErroredState(work, env, LOCK_TIMEOUT)).as("nothing left to push").isFalse();
  }

  private String stateInDatabase() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT data FROM outage.states WHERE name = 'default'")) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }
}
