package dev.pave.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.api.api.SimulationReport;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.support.MigratedPostgres;
import dev.pave.workflows.activities.SavedPlan;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.policy.PolicySet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan stored before redaction existed holds the generated password in clear in {@code
 * plans.sealed_json}. A simulation must redact it on read: a real PostgreSQL, Pave's migrations,
 * the shipped catalog and a real sealed row.
 */
class PolicySimulatorOldPlansTest {

  private static final String PASSWORD = "0b5e4c1f9d2a47e8b3c6a1d0e9f87c6b";

  /** Trimmed from `terraform show -json` of a postgres-database update plan, as Terraform 1.11 writes it. */
  private static final String CLEAR_PLAN = """
      {"format_version":"1.2","terraform_version":"1.11.4",
       "resource_changes":[{"address":"terraform_data.password","type":"terraform_data","name":"password",
         "change":{"actions":["no-op"],"before":{"input":"%1$s","output":"%1$s"},"after":{"input":"%1$s","output":"%1$s"},
           "after_unknown":{},"before_sensitive":{"input":true},"after_sensitive":{"input":true}}}],
       "prior_state":{"values":{"root_module":{"resources":[{"address":"terraform_data.password",
         "values":{"input":"%1$s","output":"%1$s"},"sensitive_values":{"input":true}}]}}}}
      """.formatted(PASSWORD);

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static final SecretBox SECRETS = SecretBox.fromBase64(SecretBox.newKeyBase64());
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path policies;

  @BeforeAll
  static void database() throws Exception {
    postgres = MigratedPostgres.start();
    jdbi = MigratedPostgres.jdbi(postgres);
    String id = "req_o1d0000000000001";
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", "vault-db", "dev",
        "payments", "ci-payments", "apply", "succeeded", "{\"database_name\": \"vault\"}", 24, null, "sha256:x",
        Instant.now(), null, null, null, null, null, null, null, 5.0, false, null, null, "requester", false, null,
        "tok_ci-payments", null));
    byte[] clear = CLEAR_PLAN.getBytes(StandardCharsets.UTF_8);
    new JdbiRequestLedger(jdbi, JSON).savePlan(id,
        new SavedPlan(SECRETS.seal(clear, id), "sha256:plan", SECRETS.seal(clear, id)), 0, 0, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void aProbeOnAnOldClearPlanLearnsNothingAndTheMarkerIsWhatItReads() throws Exception {
    String field = "plan.prior_state.values.root_module.resources.exists(r, r.values.output";
    SimulationReport probe = simulate("probe", field + ".startsWith('" + PASSWORD.substring(0, 6) + "'))");
    SimulationReport control = simulate("control", field + " == '(sensitive)')");

    assertThat(probe.changes()).as("the password stays hidden").isEmpty();
    assertThat(control.changes()).singleElement()
        .satisfies(c -> assertThat(c.simulatedVerdict()).isEqualTo("denied"));
  }

  private SimulationReport simulate(String name, String deny) throws Exception {
    Path dir = Files.createDirectories(policies.resolve(name));
    Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\ndescription: test\nstage: plan\n"
        + "enforcement: hard-mandatory\ndeny: \"" + deny + "\"\nmessage: " + name + " denied\n");
    PolicySet candidate = PolicyLoader.load(dir);
    PolicySimulator simulator = new PolicySimulator(jdbi, new JdbiRequestLedger(jdbi, JSON),
        ModuleCatalog.load(Path.of("..", "terraform-modules").toAbsolutePath().normalize()), SECRETS, JSON);
    Instant since = Instant.now().minusSeconds(3600);
    return simulator.simulate(candidate, since, simulator.requestsSince(since, 10));
  }
}
