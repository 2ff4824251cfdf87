package dev.pave.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

  @Test
  void aStatementCarryingAPasswordNeverReachesPavesLog() throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        logged.add(event.getFormattedMessage());
      }
    };
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger zonky = context.getLogger("io.zonky");
    Level before = zonky.getLevel();
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
    zonky.setLevel(Level.ALL);
    EmbeddedCluster cluster = cluster().startNow();
    try (Connection c = cluster.superuser("postgres"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("ALTER ROLE no_such_role WITH PASSWORD 'leaked-secret-4711'"))
          .isInstanceOf(SQLException.class);
      // The server's output reaches the log through a reader thread: wait for the error itself
      // (the statement, if it were logged, is written with it).
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (logged.stream().noneMatch(line -> line.contains("no_such_role")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(300);
    } finally {
      cluster.stop();
      root.detachAppender(capture);
      zonky.setLevel(before);
    }
    assertThat(String.join("\n", logged)).as("the server's log is copied (the error itself is there)")
        .contains("no_such_role").doesNotContain("leaked-secret-4711");
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
