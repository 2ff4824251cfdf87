package dev.pave.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pave.workflows.catalog.CatalogModule;
import dev.pave.workflows.contract.RequestAction;
import dev.pave.workflows.contract.RequestStatus;
import dev.pave.workflows.terraform.BackendUnavailableException;
import dev.pave.workflows.terraform.PlanOptions;
import dev.pave.workflows.terraform.Terraform;
import dev.pave.workflows.terraform.TerraformEnvironment;
import dev.pave.workflows.terraform.TerraformListener;
import dev.pave.workflows.terraform.TerraformSettings;
import dev.pave.workflows.terraform.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests skip {@code terraform init}: one init per module version and process, and every
 * request's directory plans and applies in its own Terraform workspace of one pg schema. Real
 * Terraform (behind a wrapper that logs each subcommand) and a real PostgreSQL.
 */
class InitializedModulesTest {

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
  private static final String MAIN_TF = """
      variable "name" {
        type = string
      }
      resource "terraform_data" "greeting" {
        input = "hello ${var.name}"
      }
      output "greeting" {
        value = terraform_data.greeting.output
      }
      """;

  @TempDir static Path pgData;
  static EmbeddedPostgres pg;

  @TempDir Path workRoot;
  @TempDir Path moduleDir;
  @TempDir Path tools;
  private Path commandLog;
  private Terraform terraform;
  private TerraformSettings settings;
  private CatalogModule module;

  @BeforeAll
  static void startServer() {
    pg = TestPostgres.start(pgData);
  }

  @AfterAll
  static void stopServer() throws IOException {
    pg.close();
  }

  @BeforeEach
  void moduleAndCountingTerraform() throws Exception {
    Files.writeString(moduleDir.resolve("main.tf"), MAIN_TF);
    module = new CatalogModule("greeting", "1.0.0", "Greeting", "test", "platform", moduleDir, List.of(), List.of(),
        List.of(), null, "sha256:0123456789abcdef");
    commandLog = tools.resolve("commands.log");
    Files.writeString(commandLog, "");
    Path wrapper = tools.resolve("terraform");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$1\" >> '" + commandLog + "'\nexec terraform \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    settings = new TerraformSettings(wrapper, null, Duration.ofMinutes(2));
    terraform = new Terraform(settings);
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + WorkingDirectories.STATE_SCHEMA + " CASCADE");
    }
  }

  @Test
  void initializesAModuleVersionOncePerProcess() throws Exception {
    InitializedModules modules = new InitializedModules(workRoot);

    Path first = modules.of(module, terraform, env(null), LOCK_TIMEOUT).dir();
    Path again = modules.of(module, terraform, env(null), LOCK_TIMEOUT).dir();

    assertThat(again).isEqualTo(first);
    assertThat(first.resolve(".terraform/terraform.tfstate")).exists();
    assertThat(commands()).containsExactly("init");
    assertThat(stateTableExists()).as("init made the backend's schema and table").isTrue();
  }

  @Test
  void eachRequestPlansAndAppliesInItsOwnWorkspaceWithoutInit() throws Exception {
    Path initialized = new InitializedModules(workRoot).of(module, terraform, env(null), LOCK_TIMEOUT).dir();
    WorkingDirectories directories = new WorkingDirectories(workRoot);

    for (String workspace : List.of("orders-db", "billing-db")) {
      Path dir = directories.prepare(request(workspace), module, runConfig(), initialized);
      Map<String, String> env = env(workspace);
      Path planFile = dir.resolve(WorkingDirectories.PLAN_FILE);
      terraform.plan(dir, env, new PlanOptions(dir.resolve(WorkingDirectories.VAR_FILE), planFile, false, LOCK_TIMEOUT),
          TerraformListener.NONE);
      terraform.apply(dir, env, planFile, LOCK_TIMEOUT, TerraformListener.NONE);
    }

    assertThat(commands()).containsExactly("init", "plan", "apply", "plan", "apply");
    assertThat(stateOf("orders-db")).contains("hello orders-db");
    assertThat(stateOf("billing-db")).contains("hello billing-db").doesNotContain("orders-db");
  }

  /** Issue 9, finding 7: Terraform writes pave.tfplan 0644 (its umask); the folders above it keep others out. */
  @Test
  void thePlanLivesInFoldersOnlyPavesUserCanEnter() throws Exception {
    Path root = workRoot.resolve("work");
    Path initialized = new InitializedModules(root).of(module, terraform, env(null), LOCK_TIMEOUT).dir();
    Path dir = new WorkingDirectories(root).prepare(request("private-db"), module, runConfig(), initialized);
    Path planFile = dir.resolve(WorkingDirectories.PLAN_FILE);
    terraform.plan(dir, env("private-db"), new PlanOptions(dir.resolve(WorkingDirectories.VAR_FILE), planFile, false,
        LOCK_TIMEOUT), TerraformListener.NONE);

    assertThat(planFile).exists();
    for (Path folder : List.of(root, dir, initialized.getParent())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aNewProcessInitializesAgainSoADroppedSchemaComesBack() throws Exception {
    new InitializedModules(workRoot).of(module, terraform, env(null), LOCK_TIMEOUT);
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + WorkingDirectories.STATE_SCHEMA + " CASCADE");
    }

    new InitializedModules(workRoot).of(module, terraform, env(null), LOCK_TIMEOUT);

    assertThat(commands()).containsExactly("init", "init");
    assertThat(stateTableExists()).isTrue();
  }

  @Test
  void aFailedInitKeepsItsTypeAndIsTriedAgainNextTime() throws Exception {
    InitializedModules modules = new InitializedModules(workRoot);
    Map<String, String> unreachable = TerraformEnvironment.minimal(tools, settings,
        Map.of("PG_CONN_STR", "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2"));

    assertThatThrownBy(() -> modules.of(module, terraform, unreachable, LOCK_TIMEOUT))
        .isInstanceOf(BackendUnavailableException.class);
    Path initialized = modules.of(module, terraform, env(null), LOCK_TIMEOUT).dir();

    assertThat(initialized.resolve(".terraform/terraform.tfstate")).exists();
    assertThat(commands()).containsExactly("init", "init");
    try (var left = Files.list(workRoot.resolve(InitializedModules.FOLDER))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no half-built copies left")
          .containsExactly(initialized.getFileName().toString());
    }
  }

  @Test
  void workerProcessesInitializingAtOnceAgainstANewDatabaseAllSucceed() throws Exception {
    for (int round = 0; round < 3; round++) {
      try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + WorkingDirectories.STATE_SCHEMA + " CASCADE");
      }
      List<java.util.concurrent.Callable<Path>> processes = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        InitializedModules process = new InitializedModules(workRoot.resolve("round" + round + "-process" + p));
        processes.add(() -> process.of(module, terraform, env(null), LOCK_TIMEOUT).dir());
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        for (var result : pool.invokeAll(processes)) {
          assertThat(result.get().resolve(".terraform/terraform.tfstate")).exists();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(stateTableExists()).isTrue();
    }
  }

  private Map<String, String> env(String workspace) {
    return TerraformEnvironment.minimal(tools, settings, Map.of("PG_CONN_STR", TestPostgres.connStr(pg)), workspace);
  }

  private TerraformRunConfig runConfig() {
    return new TerraformRunConfig(terraform, settings, workRoot, TestPostgres.connStr(pg), Map.of(), Map.of(),
        LOCK_TIMEOUT, WorkspaceStates.NONE);
  }

  private static RunRequest request(String workspace) {
    return new RunRequest("req_" + workspace.replace("-", ""), "greeting", "1.0.0", workspace, "dev", "team", "ci",
        RequestAction.APPLY, new ObjectMapper().createObjectNode().put("name", workspace), RequestStatus.PLANNING, Instant.now(),
        false, null, null, "requester", false);
  }

  private List<String> commands() throws IOException {
    return new ArrayList<>(Files.readAllLines(commandLog));
  }

  private boolean stateTableExists() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT to_regclass('" + WorkingDirectories.STATE_SCHEMA + ".states') IS NOT NULL")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  private String stateOf(String workspace) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT data FROM " + WorkingDirectories.STATE_SCHEMA + ".states WHERE name = '"
            + workspace + "'")) {
      assertThat(r.next()).as("a state row named " + workspace).isTrue();
      return r.getString(1);
    }
  }

  @Test
  void everyWayOfLosingTheBackendsFirstInitRaceIsRetried() {
    // Seen from Terraform 1.11's pg backend when processes init at once against a new database.
    assertThat(List.of(
        "Error: pq: duplicate key value violates unique constraint \"pg_namespace_nspname_index\"",
        "Error: pq: type \"states\" already exists",
        "Error: pq: relation \"states\" already exists"))
        .allMatch(message -> InitializedModules.CATALOG_RACE.matcher(message).find());
    assertThat(InitializedModules.CATALOG_RACE.matcher("Error: pq: password authentication failed").find()).isFalse();
  }
}
