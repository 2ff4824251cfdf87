package dev.pave.workflows.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two teams' workspaces of the postgres-database golden path on one shared target server, each
 * applied through the real module: what one team's owner credentials reach, read and hold up.
 * The admin is not a superuser and needs a password, as on a managed service and in the embedded
 * default; the state store is the same server (its superuser, which no revoke concerns).
 */
class TenantIsolationTest {

  private static final String ADMIN = "pave_admin";
  private static final String ADMIN_PASSWORD = "admin-secret";
  /** Where the module keeps its claims and takes its locks: a database only its admin enters. */
  private static final String CLAIMS_DATABASE = "pave-claims";

  @TempDir static Path pgData;
  static EmbeddedPostgres pg;
  @TempDir Path home;
  @TempDir Path workA;
  @TempDir Path workB;

  @BeforeAll
  static void startServer() throws Exception {
    pg = TestPostgres.start(pgData, dir -> {
      try {
        Files.writeString(dir.toPath().resolve("pg_hba.conf"), """
            local all all                trust
            host  all postgres 127.0.0.1/32 trust
            host  all postgres ::1/128      trust
            host  all all      127.0.0.1/32 scram-sha-256
            host  all all      ::1/128      scram-sha-256
            """);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    superuser("postgres", "CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + ADMIN_PASSWORD + "'");
  }

  @AfterAll
  static void stopServer() throws Exception {
    pg.close();
  }

  /**
   * Each test starts on a server the module has not run on: a claims database made by another
   * admin (the superuser, in some tests) is refused to the next one, as it must be.
   */
  @BeforeEach
  void forgetTheClaimsDatabase() throws SQLException {
    superuser("postgres", "DROP DATABASE IF EXISTS \"" + CLAIMS_DATABASE + "\" WITH (FORCE)");
  }

  @Test
  void anOwnerReachesItsOwnDatabaseOnlyAndReadsNoOtherWorkspacesName() throws Exception {
    closeMaintenanceDatabasesAsThePlatformDoes();
    GoldenPathWorkspace teamA = workspace(workA, ADMIN, "team-alpha-orders", "alpha_orders", Map.of());
    GoldenPathWorkspace teamB = workspace(workB, ADMIN, "team-bravo-payments", "bravo_payments", Map.of());
    teamA.apply();
    teamB.apply();
    String password = teamA.output("password");

    try (Connection own = connect("alpha_orders", "alpha_orders_owner", password); Statement s = own.createStatement()) {
      s.execute("CREATE TABLE orders (id int)");
      assertThat(strings(s, "SELECT current_user || '@' || current_database()")).containsExactly("alpha_orders_owner@alpha_orders");

      // Every shared catalog a tenant can read, as text: comments, settings, privileges, sessions.
      List<String> readable = new ArrayList<>();
      readable.addAll(strings(s, "SELECT description FROM pg_shdescription"));
      readable.addAll(strings(s, "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database"));
      readable.addAll(strings(s, "SELECT coalesce(shobj_description(oid, 'pg_authid'), '') FROM pg_roles"));
      readable.addAll(strings(s, "SELECT coalesce(array_to_string(rolconfig, ' '), '') FROM pg_roles"));
      readable.addAll(strings(s, "SELECT coalesce(datacl::text, '') FROM pg_database"));
      readable.addAll(strings(s, "SELECT coalesce(application_name, '') FROM pg_stat_activity"));
      assertThat(String.join("\n", readable)).as("no workspace id is readable to a tenant")
          .doesNotContain("team-bravo-payments").doesNotContain("team-alpha-orders").doesNotContain("pave-workspace");
      // What PostgreSQL still shows every role of a cluster (docs/security.md): the names themselves.
      assertThat(strings(s, "SELECT datname FROM pg_database")).contains("bravo_payments");
    }

    for (String database : List.of("postgres", "template1", "bravo_payments", CLAIMS_DATABASE)) {
      assertThatThrownBy(() -> connect(database, "alpha_orders_owner", password))
          .as("team A's owner connects to " + database).isInstanceOf(SQLException.class)
          .hasMessageContaining(database);
    }

    teamA.destroy();
    teamB.destroy();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname IN ('alpha_orders', 'bravo_payments')")).isZero();
  }

  @Test
  void aServerOpenToEveryRoleIsClosedByASuperuserAdminAndRefusedByAnyOther() throws Exception {
    openMaintenanceDatabases();
    GoldenPathWorkspace refused = workspace(workA, ADMIN, "team-alpha-open", "alpha_open", Map.of());
    assertThatThrownBy(refused::apply).isInstanceOf(TerraformException.class)
        .hasMessageContaining("lets every role connect to database postgres")
        .hasMessageContaining("REVOKE CONNECT, TEMPORARY ON DATABASE");
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'alpha_open'")).as("nothing made").isZero();
    assertThat(count("SELECT count(*) FROM pg_roles WHERE rolname = 'alpha_open_owner'")).isZero();

    // A superuser admin closes them itself (and stays able to connect: it is a superuser).
    GoldenPathWorkspace closing = workspace(workB, "postgres", "team-bravo-open", "bravo_open", Map.of());
    closing.apply();
    String password = closing.output("password");
    assertThat(connect("bravo_open", "bravo_open_owner", password).isValid(5)).isTrue();
    for (String database : List.of("postgres", "template1")) {
      assertThatThrownBy(() -> connect(database, "bravo_open_owner", password)).isInstanceOf(SQLException.class);
    }
    // The claims database is now the superuser's: another admin, which could not vouch for it, is refused.
    superuser("postgres", "GRANT CONNECT ON DATABASE postgres TO " + ADMIN);
    assertThatThrownBy(refused::apply).isInstanceOf(TerraformException.class)
        .hasMessageContaining("database \"pave-claims\" on the target server, where this module keeps its claims, is not owned by pave_admin");
    closing.destroy();
  }

  @Test
  void aHeldClaimFailsTheRunWithinTheLockTimeoutInsteadOfHoldingARunSlot() throws Exception {
    closeMaintenanceDatabasesAsThePlatformDoes();
    // The module creates its claims database on first use; a first workspace makes sure it exists.
    GoldenPathWorkspace first = workspace(workA, ADMIN, "team-alpha-first", "alpha_first", Map.of());
    first.apply();
    GoldenPathWorkspace blocked = workspace(workB, ADMIN, "team-bravo-blocked", "bravo_blocked",
        Map.of("PGOPTIONS", "-c lock_timeout=2s")); // an operator's override of the module's default
    try (Connection holder = superuserConnection(CLAIMS_DATABASE); Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(hashtext('pave-database:bravo_blocked'))");
      long started = System.nanoTime();
      assertThatThrownBy(blocked::apply).isInstanceOf(TerraformException.class)
          .hasMessageContaining("another run holds the claim on database_name \"bravo_blocked\" on this server")
          .hasMessageContaining("retry");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }
    blocked.apply(); // the retry, once the claim is free
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'bravo_blocked'")).isOne();
    blocked.destroy();
    first.destroy();
  }

  @Test
  void claimsAnOlderVersionWroteAsCommentsMoveOutOfSightAndStillHold() throws Exception {
    closeMaintenanceDatabasesAsThePlatformDoes();
    for (String team : List.of("alpha", "bravo")) { // what the older module's create left, run by the admin
      admin("CREATE ROLE legacy_" + team + "_owner LOGIN PASSWORD 'legacy'",
          "COMMENT ON ROLE legacy_" + team + "_owner IS 'pave-workspace:team-" + team + "-legacy'",
          "GRANT legacy_" + team + "_owner TO CURRENT_USER",
          "CREATE DATABASE legacy_" + team + " OWNER legacy_" + team + "_owner",
          "COMMENT ON DATABASE legacy_" + team + " IS 'pave-workspace:team-" + team + "-legacy'",
          "REVOKE CONNECT, TEMPORARY ON DATABASE legacy_" + team + " FROM PUBLIC",
          "GRANT CONNECT, TEMPORARY ON DATABASE legacy_" + team + " TO legacy_" + team + "_owner");
    }

    GoldenPathWorkspace alpha = workspace(workA, ADMIN, "team-alpha-legacy", "legacy_alpha", Map.of());
    alpha.apply(); // completes its own create: the moved claims are still its own
    try (Connection c = connect("legacy_alpha", "legacy_alpha_owner", alpha.output("password"));
        Statement s = c.createStatement()) {
      assertThat(strings(s, "SELECT description FROM pg_shdescription")).as("every older claim moved out of sight")
          .noneMatch(description -> description.startsWith("pave-workspace:"));
    }
    GoldenPathWorkspace intruder = workspace(workB, ADMIN, "team-charlie-intruder", "legacy_bravo", Map.of());
    assertThatThrownBy(intruder::apply).as("bravo's moved claim keeps others out").isInstanceOf(TerraformException.class)
        .hasMessageContaining("database_name \"legacy_bravo\" is not available on this server");
    alpha.destroy();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'legacy_alpha'")).isZero();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = 'legacy_bravo'")).isOne();
    superuser("postgres", "DROP DATABASE legacy_bravo", "DROP ROLE legacy_bravo_owner");
  }

  @Test
  void firstRunsOnAServerSetItUpOnceTogether() throws Exception {
    openMaintenanceDatabases();
    // Superuser admins, so that both also close the maintenance databases: every set-up step at once.
    GoldenPathWorkspace alpha = workspace(workA, "postgres", "team-alpha-first-run", "alpha_first_run", Map.of());
    GoldenPathWorkspace bravo = workspace(workB, "postgres", "team-bravo-first-run", "bravo_first_run", Map.of());
    java.util.concurrent.CompletableFuture<Void> inParallel = java.util.concurrent.CompletableFuture.runAsync(alpha::apply);
    bravo.apply();
    inParallel.get();
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname IN ('alpha_first_run', 'bravo_first_run')")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + CLAIMS_DATABASE + "'"
        + " AND NOT has_database_privilege('public', oid, 'CONNECT')")).isOne();
    alpha.destroy();
    bravo.destroy();
  }

  private GoldenPathWorkspace workspace(Path work, String admin, String workspace, String database,
      Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PGPASSWORD", ADMIN_PASSWORD);
    return new GoldenPathWorkspace(pg, home, work, all, Map.of("database_name", database, "connection_limit", 5,
        "server_host", "localhost", "server_port", pg.getPort(), "admin_user", admin, "pave_workspace", workspace));
  }

  /** The one-time set-up docs/modules.md asks of a platform team (and the embedded default does). */
  private static void closeMaintenanceDatabasesAsThePlatformDoes() throws SQLException {
    superuser("postgres", "REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC",
        "GRANT CONNECT ON DATABASE postgres TO " + ADMIN);
  }

  private static void openMaintenanceDatabases() throws SQLException {
    superuser("postgres", "GRANT CONNECT, TEMPORARY ON DATABASE postgres, template1 TO PUBLIC");
  }

  private static void admin(String... statements) throws SQLException {
    try (Connection c = connect("postgres", ADMIN, ADMIN_PASSWORD); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static void superuser(String database, String... statements) throws SQLException {
    try (Connection c = superuserConnection(database); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static Connection superuserConnection(String database) throws SQLException {
    return connect(database, "postgres", "");
  }

  private static Connection connect(String database, String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("PGDBNAME", database);
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/", props);
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
