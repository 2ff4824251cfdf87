package dev.pave.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pave.api.config.EmbeddedSettings;
import dev.pave.api.embedded.PaveServerRoles;
import dev.pave.api.embedded.TargetServerRoles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PAVE_HOME made before issue 9 (superuser trusted, everything owned by it, 0755) is upgraded
 * at start: no trust line, separate roles that own or may use what they need, the target's old
 * owner roles manageable by the new admin, private files; a second start changes nothing.
 */
class EmbeddedHomeUpgradeTest {

  static final Path BINARIES = Path.of("target/postgres-binaries").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void anOldHomeIsUpgradedAtStartAndAgainWithoutHarm() throws Exception {
    Path home = dir.resolve("home");
    int targetPort = freePort();
    OldPaveHome.create(home, BINARIES, targetPort);
    EmbeddedSettings settings = new EmbeddedSettings();
    settings.targetPort = targetPort;
    settings.binariesDir = BINARIES.toString();

    for (int start = 1; start <= 2; start++) {
      PaveServices.privateHome(home.toString());
      DatabaseEndpoints endpoints = EmbeddedDatabases.start(home, settings);
      try {
        checkPavesServer(home, endpoints);
        checkStateDatabase(endpoints);
        if (start == 1) {
          checkTargetAdminManagesOldOwner(endpoints);
        }
      } finally {
        endpoints.servers().close();
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("work/req-old/pave.tfplan"))))
          .isEqualTo("rw-------");
    }
  }

  private static void checkPavesServer(Path home, DatabaseEndpoints endpoints) throws Exception {
    assertThat(Files.readAllLines(home.resolve("postgres/pg_hba.conf"))).noneMatch(l -> l.contains("trust"));
    assertThat(Files.readAllLines(home.resolve("target-postgres/pg_hba.conf"))).noneMatch(l -> l.contains("trust"));
    assertThatThrownBy(() -> DriverManager.getConnection(endpoints.jdbcUrl(), "postgres", null).close())
        .as("the superuser is no longer trusted").isInstanceOf(SQLException.class);
    assertThat(endpoints.user()).isEqualTo(PaveServerRoles.APP);
    // The migrations run as the owner, as PaveServices does: the old history table is the owner's now.
    Flyway.configure().dataSource(endpoints.jdbcUrl(), endpoints.migrationUser(), endpoints.migrationPassword())
        .locations("classpath:db/migration").load().migrate();
    try (Connection app = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.user(), endpoints.password());
        Statement s = app.createStatement()) {
      assertThat(values(s, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"))
          .containsExactly(PaveServerRoles.OWNER);
      assertThat(values(s, "SELECT DISTINCT p.proowner::regrole::text FROM pg_proc p"
          + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"))
          .containsExactly(PaveServerRoles.OWNER);
      s.execute("INSERT INTO old_notes (note) VALUES ('after the upgrade')");
      assertThat(values(s, "SELECT note FROM old_notes ORDER BY id")).contains("from before", "after the upgrade");
      assertThat(values(s, "SELECT count(*)::text FROM requests")).hasSize(1);
      assertThatThrownBy(() -> s.execute("ALTER TABLE old_notes ADD COLUMN x text")).isInstanceOf(SQLException.class);
    }
  }

  private static void checkStateDatabase(DatabaseEndpoints endpoints) throws Exception {
    StateDatabase state = endpoints.stateDatabase();
    assertThat(state.user()).isEqualTo(PaveServerRoles.STATE);
    assertThat(endpoints.stateConnection()).startsWith("postgres://" + PaveServerRoles.STATE + ":");
    PGSimpleDataSource pool = new PGSimpleDataSource();
    pool.setUrl(state.jdbcUrl());
    pool.setUser(state.user());
    pool.setPassword(state.password());
    JdbcWorkspaceStates states = new JdbcWorkspaceStates(pool);
    assertThat(states.read("orders-db")).contains("{\"version\": 4}");
    assertThat(states.adoptLegacyStates()).as("the old per-workspace schemas stay readable").isTrue();
    assertThat(states.read("legacy-ws")).hasValueSatisfying(v -> assertThat(v).contains("legacy"));
    states.createIfMissing("new-ws", "{}");
    assertThat(states.read("new-ws")).contains("{}");
  }

  /** What the module's destroy does (scripts/drop-database.sh), run as the new admin on a database the old superuser made. */
  private static void checkTargetAdminManagesOldOwner(DatabaseEndpoints endpoints) throws Exception {
    Map<String, Object> platform = endpoints.platformDefaults();
    assertThat(platform.get("admin_user")).isEqualTo(TargetServerRoles.ADMIN);
    ProcessBuilder drop = new ProcessBuilder("sh",
        Path.of("../terraform-modules/postgres-database/scripts/drop-database.sh").toAbsolutePath().toString())
        .redirectErrorStream(true);
    drop.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", platform.get("server_port").toString(),
        "PGUSER", TargetServerRoles.ADMIN, "PGDATABASE", "postgres", "DB_NAME", "orders", "OWNER_NAME", "orders_owner",
        // As Pave runs Terraform (TF_WORKSPACE is the workspace); the old state has no CLAIM of its own.
        "TF_WORKSPACE", "orders-db"));
    drop.environment().putAll(endpoints.terraformEnvironment());
    Process process = drop.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    String url = "jdbc:postgresql://127.0.0.1:" + platform.get("server_port") + "/postgres";
    try (Connection admin = DriverManager.getConnection(url, TargetServerRoles.ADMIN,
        endpoints.terraformEnvironment().get("PGPASSWORD")); Statement s = admin.createStatement()) {
      assertThat(values(s, "SELECT datname FROM pg_database WHERE datname = 'orders'")).isEmpty();
      assertThat(values(s, "SELECT rolname FROM pg_roles WHERE rolname = 'orders_owner'")).isEmpty();
    }
  }

  private static List<String> values(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
