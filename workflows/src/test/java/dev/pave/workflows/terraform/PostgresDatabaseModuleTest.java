package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postgres-database golden path run as Pave runs it: copied to a work dir, the pg backend
 * added, inputs in a .tfvars.json file. One embedded PostgreSQL is both the target server and the
 * state store. The admin is not a superuser and needs a password, as on a managed service.
 */
class PostgresDatabaseModuleTest {

  private static final String ADMIN = "pave_admin";
  private static final String ADMIN_PASSWORD = "admin-secret";

  @TempDir static Path pgData;
  /** The server logs every statement here, as a server logging DDL would. */
  @TempDir static Path LOGS;
  static EmbeddedPostgres pg;

  private final TerraformSettings settings = TerraformSettings.onPath();
  private final Terraform terraform = new Terraform(settings);
  @TempDir Path home;
  @TempDir Path work;
  private Map<String, String> env;

  @BeforeAll
  static void startServer() throws Exception {
    // postgres keeps trust (zonky connects as it); every other role must give its password.
    pg = TestPostgres.start(pgData, dir -> {
      append(dir.toPath().resolve("postgresql.conf"), "\nlogging_collector = on\nlog_directory = '" + LOGS
          + "'\nlog_statement = 'all'\n");
      write(dir.toPath().resolve("pg_hba.conf"), """
        local all all                trust
        host  all postgres 127.0.0.1/32 trust
        host  all postgres ::1/128      trust
        host  all all      127.0.0.1/32 scram-sha-256
        host  all all      ::1/128      scram-sha-256
        """);
    });
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'");
      s.execute("CREATE ROLE stranger LOGIN PASSWORD 'stranger'");
      // The platform's one-time set-up (docs/modules.md): the maintenance databases are the admin's alone.
      s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC");
      s.execute("GRANT CONNECT ON DATABASE postgres TO " + ADMIN);
    }
  }

  @AfterAll
  static void stopServer() throws Exception {
    pg.close();
  }

  @BeforeEach
  void copyModule() throws IOException {
    GoldenPathWorkspace.copyModule(work);
    TestConfigs.write(work, "_pave_backend.tf", TestConfigs.PG_BACKEND);
    // The admin password reaches the provisioners through Terraform's environment, never a variable.
    env = TerraformEnvironment.minimal(home, settings,
        Map.of("PG_CONN_STR", TestPostgres.connStr(pg), "PGPASSWORD", ADMIN_PASSWORD));
    String schema = "ws_" + Long.toHexString(System.nanoTime()); // a workspace of its own per test
    terraform.init(work, env, new InitOptions(Map.of("schema_name", schema), Duration.ofMinutes(1)));
  }

  @Test
  void createsAUsableDatabaseAndDropsItOnDestroy() throws Exception {
    Path inputs = inputs("orders", 7);

    PlanResult plan = terraform.plan(work, env, planTo("tfplan", inputs, false), TerraformListener.NONE);
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.summary()).isEqualTo(new ChangeSummary(3, 0, 0));
    PlanDocument doc = terraform.show(work, env, Path.of("tfplan"));
    assertThat(doc.changesOf("terraform_data.database")).singleElement().matches(ResourceChange::isCreate);
    assertThat(doc.outputChanges().get("password").sensitive()).isTrue();

    assertThat(terraform.apply(work, env, Path.of("tfplan"), Duration.ofMinutes(1), TerraformListener.NONE).summary())
        .isEqualTo(new ChangeSummary(3, 0, 0));
    Map<String, OutputValue> outputs = terraform.outputs(work, env);
    assertThat(outputs.get("host").value().asText()).isEqualTo("localhost");
    assertThat(outputs.get("port").value().asInt()).isEqualTo(pg.getPort());
    assertThat(outputs.get("database").value().asText()).isEqualTo("orders");
    assertThat(outputs.get("username").value().asText()).isEqualTo("orders_owner");
    assertThat(outputs.get("password").sensitive()).isTrue();
    String password = outputs.get("password").value().asText();
    assertThat(password).matches("[0-9a-f]{64}");

    try (Connection owner = connect("orders", "orders_owner", password); Statement s = owner.createStatement()) {
      s.execute("CREATE TABLE t (id int)"); // the owner owns the database: it can build in it
      try (ResultSet rs = s.executeQuery("SELECT current_user || '@' || current_database()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("orders_owner@orders");
      }
    }
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'orders' AND datconnlimit = 7")).isOne();
    assertThatThrownBy(() -> connect("orders", "orders_owner", "wrong")).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect("orders", "stranger", "stranger"))
        .isInstanceOf(SQLException.class).hasMessageContaining("CONNECT"); // REVOKE ... FROM PUBLIC holds

    PlanResult again = terraform.plan(work, env, planTo("again", inputs, false), TerraformListener.NONE);
    assertThat(again.hasChanges()).as("the generated password is stable").isFalse();

    PlanDocument renamed = planAndShow(inputs("orders_v2", 7), "rename");
    assertThat(renamed.changesOf("terraform_data.database")).singleElement().matches(ResourceChange::isReplace);
    PlanDocument newLimit = planAndShow(inputs("orders", 9), "limit");
    assertThat(newLimit.changesOf("terraform_data.database")).singleElement()
        .matches(rc -> rc.actions().equals(List.of("no-op")), "a new limit keeps the database");
    assertThat(newLimit.changesOf("terraform_data.connection_limit")).singleElement().matches(ResourceChange::isReplace);

    Path destroyInputs = inputs("orders", 7); // the file was rewritten by the plans above
    assertThat(terraform.plan(work, env, planTo("destroy", destroyInputs, true), TerraformListener.NONE).summary())
        .isEqualTo(new ChangeSummary(0, 0, 3));
    terraform.apply(work, env, Path.of("destroy"), Duration.ofMinutes(1), TerraformListener.NONE);
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'orders'")).isZero();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = 'orders_owner'")).isZero();
  }

  @Test
  void aCreateThatFailedHalfWayIsRetriedAsTheReplaceOfATaintedResource() throws Exception {
    // A transient obstacle during the first create: the name is taken by something else for a while.
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE flaky");
    }
    terraform.plan(work, env, planTo("first", inputs("flaky", 5), false), TerraformListener.NONE);
    assertThatThrownBy(() -> terraform.apply(work, env, Path.of("first"), Duration.ofMinutes(1), TerraformListener.NONE))
        .isInstanceOf(TerraformException.class)
        .hasMessageContaining("database_name \"flaky\" is not available on this server");
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE flaky");
    }

    PlanDocument retry = planAndShow(inputs("flaky", 5), "retry");
    JsonNode database = java.util.stream.StreamSupport.stream(retry.raw().path("resource_changes").spliterator(), false)
        .filter(rc -> rc.path("address").asText().equals("terraform_data.database")).findFirst().orElseThrow();
    assertThat(database.path("action_reason").asText())
        .as("what lets the no-database-replace policy tell a retried create from a real replace")
        .isEqualTo("replace_because_tainted");
    terraform.apply(work, env, Path.of("retry"), Duration.ofMinutes(1), TerraformListener.NONE);
    String password = terraform.outputs(work, env).get("password").value().asText();
    try (Connection owner = connect("flaky", "flaky_owner", password)) {
      assertThat(owner.isValid(5)).isTrue();
    }
    terraform.plan(work, env, planTo("destroy", inputs("flaky", 5), true), TerraformListener.NONE);
    terraform.apply(work, env, Path.of("destroy"), Duration.ofMinutes(1), TerraformListener.NONE);
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'flaky'")).isZero();
  }

  @Test
  void rejectsABadDatabaseNameBeforeTouchingTheServer() {
    String tooLongForTheOwnerRole = "a".repeat(58);
    for (String bad : List.of("Orders", "x;drop", tooLongForTheOwnerRole)) {
      assertThatThrownBy(() -> terraform.plan(work, env, planTo("tfplan", inputs(bad, 7), false), TerraformListener.NONE))
          .isInstanceOf(TerraformException.class)
          .hasMessageContaining("database_name must be 3 to 57 characters")
          .satisfies(e -> assertThat(((TerraformException) e).errors())
              .extracting(Diagnostic::address).containsExactly("var.database_name"));
    }
  }

  @Test
  void scriptsTreatHostileValuesAsData() throws Exception {
    Path pwned = Path.of("/tmp/pave-pwned");
    Files.deleteIfExists(pwned);
    String db = "x\"; DROP DATABASE postgres; --";
    String owner = "$(touch /tmp/pave-pwned)";
    String password = "p'w\"; DROP ROLE postgres; --";
    Map<String, String> values = Map.of("DB_NAME", db, "OWNER_NAME", owner, "OWNER_PASSWORD", password,
        "CLAIM", "claim-'; DROP ROLE postgres; --");

    assertThat(createWithPassword(values)).isZero();
    assertThat(createWithPassword(values)).as("create again after a (partial) create").isZero();

    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = ?", db)).as("the literal name").isOne();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'postgres'")).isOne();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = ?", owner)).isOne();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = 'postgres'")).isOne();
    try (Connection c = connect(db, owner, password)) {
      assertThat(c.isValid(5)).as("the password was stored literally").isTrue();
    }
    assertThat(pwned).doesNotExist();

    assertThat(runScript("drop-database.sh", values)).isZero();
    assertThat(runScript("drop-database.sh", values)).as("drop when already gone").isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = ?", db)).isZero();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = ?", owner)).isZero();
    assertThat(pwned).doesNotExist();
  }

  @Test
  void neverAdoptsRepasswordsOrDropsADatabaseAnotherWorkspaceCreated() throws Exception {
    Map<String, String> first = Map.of("DB_NAME", "shared_db", "OWNER_NAME", "shared_db_owner",
        "OWNER_PASSWORD", "first-password", "CLAIM", "workspace-a");
    assertThat(createWithPassword(first)).isZero();

    Map<String, String> second = Map.of("DB_NAME", "shared_db", "OWNER_NAME", "shared_db_owner",
        "OWNER_PASSWORD", "second-password", "CLAIM", "workspace-b");
    assertThat(runScript("create-database.sh", second)).isNotZero();
    assertThat(Files.readString(work.resolve("create-database.sh.log")))
        .contains("database_name \"shared_db\" is not available on this server")
        .doesNotContain("shared_db_owner").doesNotContain("workspace-a").doesNotContain("first-password");
    assertThat(runScript("set-owner-password.sh", second)).as("never re-passwords another's role").isNotZero();
    assertThat(runScript("drop-database.sh", second)).as("the loser's destroy succeeds, dropping nothing").isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'shared_db'")).isOne();
    try (Connection c = connect("shared_db", "shared_db_owner", "first-password")) {
      assertThat(c.isValid(5)).as("the first workspace's credentials still hold").isTrue();
    }
    assertThat(runScript("drop-database.sh", first)).isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'shared_db'")).isZero();
  }

  @Test
  void aDatabaseMadeOutsidePaveIsNeitherAdoptedNorDropped() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE hand_made");
    }
    Map<String, String> values = Map.of("DB_NAME", "hand_made", "OWNER_NAME", "hand_made_owner",
        "OWNER_PASSWORD", "pw", "CLAIM", "workspace-a");
    assertThat(runScript("create-database.sh", values)).isNotZero();
    assertThat(runScript("drop-database.sh", values)).isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'hand_made'")).isOne();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = 'hand_made_owner'")).as("nothing was made").isZero();
  }

  @Test
  void twoWorkspacesRacingForOneNameCannotBothOwnIt() throws Exception {
    for (int round = 0; round < 10; round++) {
      String db = "race_" + round;
      Map<String, String> a = Map.of("DB_NAME", db, "OWNER_NAME", db + "_owner", "OWNER_PASSWORD", "pw-a", "CLAIM", "ws-a");
      Map<String, String> b = Map.of("DB_NAME", db, "OWNER_NAME", db + "_owner", "OWNER_PASSWORD", "pw-b", "CLAIM", "ws-b");
      java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> uncheckedCreate(a, "a"));
      int second = uncheckedCreate(b, "b");
      int firstExit = first.get();
      assertThat(List.of(firstExit, second)).as("round " + round + ": exactly one create succeeds").containsOnlyOnce(0);
      Map<String, String> winner = firstExit == 0 ? a : b;
      Map<String, String> loser = firstExit == 0 ? b : a;
      assertThat(runScript("drop-database.sh", loser)).isZero();
      try (Connection c = connect(db, db + "_owner", winner.get("OWNER_PASSWORD"))) {
        assertThat(c.isValid(5)).as("round " + round + ": the winner's database survives the loser's destroy").isTrue();
      }
      assertThat(runScript("drop-database.sh", winner)).isZero();
      assertThat(count("SELECT count(*) FROM pg_database WHERE datname = ?", db)).isZero();
    }
  }

  @Test
  void thePasswordNeverReachesTheServerAsText() throws Exception {
    Map<String, String> values = Map.of("DB_NAME", "logged_db", "OWNER_NAME", "logged_db_owner",
        "OWNER_PASSWORD", "unmistakable-password-4711", "CLAIM", "workspace-a");
    assertThat(createWithPassword(values)).isZero();
    try (Connection c = connect("logged_db", "logged_db_owner", "unmistakable-password-4711")) {
      assertThat(c.isValid(5)).as("the verifier computed by the script accepts the password").isTrue();
    }
    assertThatThrownBy(() -> connect("logged_db", "logged_db_owner", "unmistakable-password-4712"))
        .isInstanceOf(SQLException.class);
    assertThat(count("SELECT count(*) FROM pg_authid WHERE rolname = 'logged_db_owner'"
        + " AND rolpassword LIKE 'SCRAM-SHA-256$4096:%'")).isOne();
    String log = statementLog();
    assertThat(log).as("the server logs every statement").contains("ALTER ROLE").contains("SCRAM-SHA-256$4096:");
    assertThat(log).doesNotContain("unmistakable-password-4711");
    assertThat(runScript("drop-database.sh", values)).isZero();
  }

  @Test
  void noCommandLineCarriesThePasswordOrItsKeys() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace");
    String password = "argv-watch-password-0815";
    Map<String, String> values = Map.of("DB_NAME", "argv_db", "OWNER_NAME", "argv_db_owner",
        "OWNER_PASSWORD", password, "CLAIM", "workspace-a");
    assertThat(runScript("create-database.sh", values)).isZero();
    Path trace = work.resolve("execve.trace");
    // Every program started, with its whole command line (what any local user reads in /proc).
    assertThat(runCommand(values, "set-owner-password.sh", "/usr/bin/strace", "-f", "-qq", "-e", "trace=execve",
        "-s", "65535", "-o", trace.toString(), "/bin/sh", work.resolve("scripts/set-owner-password.sh").toString()))
        .isZero();
    String commandLines = Files.readString(trace).toLowerCase(java.util.Locale.ROOT);
    assertThat(commandLines).contains("openssl").contains("psql");

    String verifier;
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'argv_db_owner'")) {
      rs.next();
      verifier = rs.getString(1);
    }
    byte[] salt = java.util.Base64.getDecoder().decode(verifier.split("[$:]")[2]);
    byte[] saltedPassword = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 4096, 256)).getEncoded();
    javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
    hmac.init(new javax.crypto.spec.SecretKeySpec(saltedPassword, "HmacSHA256"));
    byte[] clientKey = hmac.doFinal("Client Key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    java.util.HexFormat hex = java.util.HexFormat.of();
    assertThat(commandLines).doesNotContain(password)
        .doesNotContain(hex.formatHex(saltedPassword)).doesNotContain(hex.formatHex(clientKey));
    try (Connection owner = connect("argv_db", "argv_db_owner", password)) {
      assertThat(owner.isValid(5)).isTrue();
    }
    assertThat(runScript("drop-database.sh", values)).isZero();
  }

  private static String statementLog() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(LOGS)) {
      for (Path file : files.toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }

  private int createWithPassword(Map<String, String> values) throws Exception {
    int created = runScript("create-database.sh", values);
    return created != 0 ? created : runScript("set-owner-password.sh", values);
  }

  private int uncheckedCreate(Map<String, String> values, String log) {
    try {
      return runScript("create-database.sh", values, log) == 0 ? runScript("set-owner-password.sh", values, log) : 1;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private PlanDocument planAndShow(Path inputs, String planFile) {
    terraform.plan(work, env, planTo(planFile, inputs, false), TerraformListener.NONE);
    return terraform.show(work, env, Path.of(planFile));
  }

  private Path inputs(String databaseName, int connectionLimit) {
    return TestConfigs.varFile(work, Map.of(
        "database_name", databaseName, "connection_limit", connectionLimit,
        "server_host", "localhost", "server_port", pg.getPort(), "admin_user", ADMIN, "pave_workspace", "orders-db"));
  }

  private static PlanOptions planTo(String file, Path varFile, boolean destroy) {
    return new PlanOptions(varFile, Path.of(file), destroy, Duration.ofMinutes(1));
  }

  /** Runs a module script the way its provisioner does: /bin/sh, values only in the environment. */
  private int runScript(String script, Map<String, String> values) throws Exception {
    return runScript(script, values, "");
  }

  private int runScript(String script, Map<String, String> values, String logSuffix) throws Exception {
    return runCommand(values, script + logSuffix, "/bin/sh", work.resolve("scripts").resolve(script).toString());
  }

  private int runCommand(Map<String, String> values, String logName, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve(logName + ".log").toFile());
    Map<String, String> childEnv = pb.environment();
    childEnv.clear();
    childEnv.putAll(Map.of("PATH", System.getenv("PATH"), "PGHOST", "localhost",
        "PGPORT", String.valueOf(pg.getPort()), "PGUSER", ADMIN, "PGPASSWORD", ADMIN_PASSWORD,
        "PGDATABASE", "postgres"));
    childEnv.putAll(values);
    return pb.start().waitFor();
  }

  private static Connection connect(String database, String user, String password) throws SQLException {
    // Driver-level properties, not the URL, so the hostile database name needs no escaping.
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("PGDBNAME", database);
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/", props);
  }

  /** A count(*) query run as the superuser. */
  private static long count(String sql, String... params) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void append(Path file, String content) {
    try {
      Files.writeString(file, content, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
