package dev.pave.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's PostgreSQL, as Pave configures it. */
class EmbeddedClusterTest {

  static final Path BINARIES = Path.of("target/postgres-binaries").toAbsolutePath();
  static final String PASSWORD = "test-superuser-password";

  @TempDir Path data;

  private EmbeddedCluster cluster() {
    return new EmbeddedCluster("test", data.resolve("pg"), BINARIES, data.resolve("sockets"), 0, PASSWORD);
  }

  @Test
  void commitsAreDurableAndOnlyLoopbackListens() throws Exception {
    EmbeddedCluster cluster = cluster().startNow();
    try (Connection c = cluster.superuser("postgres"); Statement s = c.createStatement()) {
      assertThat(setting(s, "synchronous_commit")).as("a 202 must survive a crash").isEqualTo("on");
      assertThat(setting(s, "fsync")).isEqualTo("on");
      assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
    } finally {
      cluster.stop();
    }
  }

  @Test
  void everyRoleGivesItsPasswordAndTheSocketIsInAPrivateFolder() throws Exception {
    EmbeddedCluster cluster = cluster().startNow();
    try (Connection c = cluster.superuser("postgres"); Statement s = c.createStatement()) {
      List<String> hba = Files.readAllLines(data.resolve("pg/pg_hba.conf"));
      assertThat(hba).filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
          .isNotEmpty().allMatch(line -> line.endsWith("scram-sha-256"))
          .noneMatch(line -> line.contains("trust"));
      assertThat(setting(s, "unix_socket_directories")).isEqualTo(data.resolve("sockets").toString());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("sockets"))))
          .isEqualTo("rwx------");
      assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null).close())
          .as("the superuser without its password").isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", "wrong").close())
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    } finally {
      cluster.stop();
    }
  }

  /**
   * zonky copies the server's output into Pave's log (until pg_ctl returns; the JDK then closes
   * the pipe). Whatever reaches a log, it never carries statement text, which may hold a
   * password: not for every statement, not for a slow one, not for a failing one (PostgreSQL's
   * default logs the text of every failing statement).
   */
  @Test
  void theServerNeverLogsStatementText() throws Exception {
    EmbeddedCluster cluster = cluster().startNow();
    try (Connection c = cluster.superuser("postgres"); Statement s = c.createStatement()) {
      assertThat(setting(s, "log_statement")).isEqualTo("none");
      assertThat(setting(s, "log_min_error_statement")).isEqualTo("panic");
      assertThat(setting(s, "log_min_duration_statement")).isEqualTo("-1");
      assertThat(setting(s, "session_preload_libraries") + setting(s, "shared_preload_libraries"))
          .as("no auto_explain or other statement logger").isEmpty();
    } finally {
      cluster.stop();
    }
  }

  @Test
  void binariesFolderWithSomeoneElsesFilesIsRefused() throws Exception {
    Path binaries = Files.createDirectories(data.resolve("binaries"));
    Path planted = Files.createDirectories(binaries.resolve("PG-planted"));
    new ProcessBuilder("chown", "nobody", planted.toString()).inheritIO().start().waitFor();
    EmbeddedCluster cluster = new EmbeddedCluster("test", data.resolve("pg"), binaries, data.resolve("sockets"), 0,
        PASSWORD);
    assertThatThrownBy(cluster::startNow).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(planted.toString()).hasMessageContaining("is owned by nobody");
    assertThat(data.resolve("pg")).as("nothing started").doesNotExist();
  }

  @Test
  void binariesFolderThatOthersCanWriteIsRefused() throws Exception {
    Path binaries = Files.createDirectories(data.resolve("binaries"));
    Path loose = Files.createDirectories(binaries.resolve("PG-loose"));
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(new EmbeddedCluster("test", data.resolve("pg"), binaries, data.resolve("sockets"), 0,
        PASSWORD)::startNow).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(loose.toString()).hasMessageContaining("writable by group or others");

    Path parent = Files.createDirectories(data.resolve("shared"));
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatThrownBy(new EmbeddedCluster("test", data.resolve("pg"), parent.resolve("binaries"),
        data.resolve("sockets"), 0, PASSWORD)::startNow).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(parent.toString()).hasMessageContaining("writable by group or others");

    Path theirs = Files.createDirectories(data.resolve("theirs"));
    new ProcessBuilder("chown", "nobody", theirs.toString()).inheritIO().start().waitFor();
    assertThatThrownBy(new EmbeddedCluster("test", data.resolve("pg"), theirs.resolve("binaries"),
        data.resolve("sockets"), 0, PASSWORD)::startNow).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(theirs.toString()).hasMessageContaining("is owned by nobody");
  }

  @Test
  void binariesFolderIsPrivateAfterUse() throws Exception {
    EmbeddedCluster cluster = cluster().startNow();
    cluster.stop();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(BINARIES)))
        .as("zonky makes it 0777").isEqualTo("rwx------");
    try (var all = Files.walk(BINARIES)) {
      assertThat(all.filter(p -> !Files.isSymbolicLink(p)).map(p -> {
        try {
          return p + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).allMatch(entry -> entry.endsWith("------"));
    }
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
      r.next();
      return r.getString(1);
    }
  }
}
