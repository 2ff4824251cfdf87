package dev.pave.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pave.api.db.JdbiGuardrailLedger;
import dev.pave.api.db.JdbiRequestLedger;
import dev.pave.api.db.RequestDao;
import dev.pave.api.db.RequestRow;
import dev.pave.api.db.StepDao;
import dev.pave.api.db.StepRow;
import dev.pave.workflows.activities.Admission;
import dev.pave.workflows.activities.ApplyOutcome;
import dev.pave.workflows.activities.PlanOutcome;
import dev.pave.workflows.activities.ProvisionActivities;
import dev.pave.workflows.activities.ProvisionActivitiesImpl;
import dev.pave.workflows.activities.RunStart;
import dev.pave.workflows.activities.TerraformRunConfig;
import dev.pave.workflows.catalog.ModuleCatalog;
import dev.pave.workflows.contract.FailureType;
import dev.pave.workflows.contract.PolicyVerdict;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.crypto.SecretBox;
import dev.pave.workflows.policy.PolicyLoader;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformSettings;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning activities as a worker runs them, without the workflow: Pave's real tables,
 * the shipped catalog and policies, the real Terraform binary (behind a wrapper that logs each
 * subcommand), one PostgreSQL server as Pave's database, the state store and the target.
 */
class ProvisionActivitiesTest {

  static EmbeddedPostgres postgres;
  static Jdbi jdbi;
  static ModuleCatalog catalog = ModuleCatalog.load(Path.of("..", "terraform-modules").toAbsolutePath().normalize());
  static final SecretBox SECRETS = new SecretBox(new byte[32]);

  @TempDir Path tools;
  @TempDir Path workerA;
  @TempDir Path workerB;
  private Path commandLog;
  private final List<TestActivityEnvironment> temporal = new java.util.ArrayList<>();

  @BeforeAll
  static void database() throws Exception {
    postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(new File("target/postgres-binaries")).start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE pave");
      s.execute("CREATE DATABASE pave_tfstate");
    }
    Flyway.configure().dataSource(postgres.getDatabase("postgres", "pave")).load().migrate();
    jdbi = Jdbi.create(postgres.getDatabase("postgres", "pave")).installPlugin(new SqlObjectPlugin());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void countingTerraform() throws Exception {
    commandLog = tools.resolve("commands.log");
    Files.writeString(commandLog, "");
    Path wrapper = tools.resolve("terraform");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$1\" >> '" + commandLog + "'\nexec terraform \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void closeTemporal() {
    temporal.forEach(TestActivityEnvironment::close);
  }

  @Test
  void aPlanMadeByOneWorkerIsAppliedByAnotherWithoutAnyInitPerRequest() throws Exception {
    String id = insert("req_pa00000000000001", "act-orders", "act_orders");
    ProvisionActivities a = worker(workerA);
    ProvisionActivities b = worker(workerB);

    Admission admission = a.admit(id);
    assertThat(admission.claimed()).isTrue();
    assertThat(admission.start().phase()).isEqualTo(RunStart.Phase.START);
    assertThat(admission.requestCheck().denied()).isFalse();
    PlanOutcome plan = a.initAndPlan(id);
    assertThat(plan.add()).isEqualTo(3);
    assertThat(plan.check().verdict()).isEqualTo(PolicyVerdict.ALLOWED);
    ApplyOutcome applied = b.apply(id);

    assertThat(applied.applied()).isTrue();
    // Each worker process: one init of the module version and one `version` (for empty state rows).
    assertThat(commands()).containsExactly("init", "version", "plan", "show", "init", "version", "apply");
    RequestRow row = jdbi.onDemand(RequestDao.class).find(id).orElseThrow();
    assertThat(row.status()).isEqualTo("succeeded");
    assertThat(row.leadTimeMs()).isPositive();
    assertThat(row.outputs()).contains("\"database\": \"act_orders\"").doesNotContain("password");
    assertThat(steps(id)).containsExactly("queue", "policy", "init", "plan", "policy", "apply");
    assertThat(stateRowOf("act-orders")).contains("act_orders_owner");
  }

  @Test
  void aRequestWhoseLabelDiffersFromItsWorkspaceIsDeniedBeforeAnyTerraformCommand() throws Exception {
    // Accepted while the name was new; meanwhile another request created the workspace in prod.
    jdbi.useHandle(h -> h.execute("INSERT INTO workspaces (name, module, version, team, environment, status, inputs,"
        + " last_request_id, created_at, updated_at) VALUES ('act-prod', 'postgres-database', '1.0.0', 'payments',"
        + " 'prod', 'live', '{}', 'req_earlier', now(), now())"));
    String id = insert("req_pa00000000000005", "act-prod", "act_prod");

    Admission admission = worker(workerA).admit(id);

    assertThat(admission.requestCheck().denied()).isTrue();
    assertThat(admission.requestCheck().message()).contains("act-prod is in prod, not dev");
    assertThat(commands()).isEmpty();
  }

  @Test
  void anApplyRetriedAfterItSucceededChangesNothing() throws Exception {
    String id = insert("req_pa00000000000002", "act-billing", "act_billing");
    ProvisionActivities a = planned(worker(workerA), id);
    a.apply(id);
    List<String> before = commands();

    ApplyOutcome again = a.apply(id); // as if the first attempt's completion never reached Temporal

    assertThat(again.applied()).isTrue();
    assertThat(commands()).as("no Terraform command the second time").isEqualTo(before);
    assertThat(steps(id)).containsOnlyOnce("apply");
    assertThat(jdbi.onDemand(RequestDao.class).find(id).orElseThrow().status()).isEqualTo("succeeded");
  }

  @Test
  void aCancelStoredBeforeTheApplyStartsMeansNothingIsApplied() throws Exception {
    String id = insert("req_pa00000000000003", "act-search", "act_search");
    ProvisionActivities a = planned(worker(workerA), id);
    assertThat(jdbi.onDemand(RequestDao.class).requestCancel(id, "alice", "tok_alice")).isEqualTo(1);

    ApplyOutcome outcome = a.apply(id);

    assertThat(outcome).isEqualTo(ApplyOutcome.cancelledBy("alice"));
    assertThat(commands()).doesNotContain("apply");
    assertThat(steps(id)).doesNotContain("apply");
    assertThat(jdbi.onDemand(RequestDao.class).find(id).orElseThrow().status()).isNotEqualTo("applying");
  }

  /** The ledger refuses in Pave's terms; the activity reports it as the failure type histories know, for good. */
  @Test
  void aRequestTheLedgerRefusesFailsItsStepWithoutRetries() throws Exception {
    ProvisionActivities a = worker(workerA);
    assertThatThrownBy(() -> a.apply("req_pa0000000000none")).isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.getType()).isEqualTo(FailureType.UNKNOWN_REQUEST.typeName());
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getOriginalMessage()).isEqualTo("no request req_pa0000000000none");
        });
  }

  @Test
  void aWorkspaceProvisionedByAnEarlierVersionKeepsItsState(@TempDir Path oldWorkDir) throws Exception {
    // What Pave did before one schema held every state: a schema per workspace, init per request.
    dev.pave.api.support.FileTrees.copy(Path.of("..", "terraform-modules", "postgres-database"), oldWorkDir);
    Files.writeString(oldWorkDir.resolve("_pave_backend.tf"), "terraform {\n  backend \"pg\" {}\n}\n");
    Files.writeString(oldWorkDir.resolve("inputs.tfvars.json"), "{\"database_name\": \"act_legacy\","
        + " \"server_host\": \"127.0.0.1\", \"server_port\": " + postgres.getPort() + ","
        + " \"admin_user\": \"postgres\", \"pave_workspace\": \"act-legacy\"}");
    TerraformSettings settings = TerraformSettings.onPath();
    Terraform old = new Terraform(settings);
    Map<String, String> env = dev.pave.workflows.terraform.TerraformEnvironment.minimal(tools, settings,
        Map.of("PG_CONN_STR", "postgres://postgres@127.0.0.1:" + postgres.getPort() + "/pave_tfstate?sslmode=disable"));
    old.init(oldWorkDir, env, new dev.pave.workflows.terraform.InitOptions(Map.of("schema_name", "tfstate_act_legacy"),
        Duration.ofSeconds(30)));
    old.plan(oldWorkDir, env, new dev.pave.workflows.terraform.PlanOptions(oldWorkDir.resolve("inputs.tfvars.json"),
        Path.of("old.tfplan"), false, Duration.ofSeconds(30)), dev.pave.workflows.terraform.TerraformListener.NONE);
    old.apply(oldWorkDir, env, Path.of("old.tfplan"), Duration.ofSeconds(30),
        dev.pave.workflows.terraform.TerraformListener.NONE);

    String id = insert("req_pa00000000000004", "act-legacy", "act_legacy");
    ProvisionActivities upgraded = worker(workerA);
    upgraded.admit(id);
    PlanOutcome plan = upgraded.initAndPlan(id);

    assertThat(plan.hasChanges()).as("the database it made is in the adopted state: nothing to create").isFalse();
    assertThat(stateRowOf("act-legacy")).contains("act_legacy_owner");
  }

  /** The request admitted and planned (policies checked) by {@code worker}, ready to apply. */
  private static ProvisionActivities planned(ProvisionActivities worker, String id) {
    assertThat(worker.admit(id).claimed()).isTrue();
    assertThat(worker.initAndPlan(id).check().denied()).isFalse();
    return worker;
  }

  private ProvisionActivities worker(Path workRoot) {
    TerraformSettings settings = new TerraformSettings(tools.resolve("terraform"), null, Duration.ofMinutes(2));
    String state = "postgres://postgres@127.0.0.1:" + postgres.getPort() + "/pave_tfstate?sslmode=disable";
    TerraformRunConfig config = new TerraformRunConfig(new Terraform(settings), settings, workRoot, state, Map.of(),
        Map.of("server_host", TextNode.valueOf("127.0.0.1"), "server_port", IntNode.valueOf(postgres.getPort()),
            "admin_user", TextNode.valueOf("postgres")),
        Duration.ofSeconds(30), new JdbcWorkspaceStates(postgres.getDatabase("postgres", "pave_tfstate")));
    ProvisionActivitiesImpl impl = new ProvisionActivitiesImpl(new JdbiRequestLedger(jdbi, new ObjectMapper()),
        new JdbiGuardrailLedger(jdbi), catalog, PolicyLoader.load(Path.of("..", "policies").toAbsolutePath().normalize()),
        config, SECRETS, dev.pave.workflows.activities.HistorySnapshots.NONE, Clock.systemUTC());
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    temporal.add(environment);
    environment.registerActivitiesImplementations(impl);
    return environment.newActivityStub(ProvisionActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
  }

  private static String insert(String id, String workspace, String database) {
    jdbi.onDemand(RequestDao.class).insert(new RequestRow(id, "postgres-database", "1.0.0", workspace, "dev",
        "payments", "ci-payments", "apply", "queued", "{\"database_name\": \"" + database + "\"}", 24, null, "sha256:x",
        Instant.now(), null, null, null, null, null, null, null, 12.5, false, null, null, "requester", false, null,
        "tok_ci-payments", null));
    return id;
  }

  private List<String> commands() throws Exception {
    return Files.readAllLines(commandLog);
  }

  private static List<String> steps(String id) {
    return jdbi.onDemand(StepDao.class).forRequest(id).stream().map(StepRow::name).toList();
  }

  private static String stateRowOf(String workspace) throws Exception {
    try (Connection c = postgres.getDatabase("postgres", "pave_tfstate").getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT data FROM terraform_state.states WHERE name = '" + workspace + "'")) {
      assertThat(r.next()).as("a state row named " + workspace).isTrue();
      return r.getString(1);
    }
  }
}
