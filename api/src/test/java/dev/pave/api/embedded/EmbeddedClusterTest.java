package dev.pave.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's PostgreSQL, as Pave configures it. */
class EmbeddedClusterTest {

  @TempDir Path data;

  @Test
  void commitsAreDurableAndOnlyLoopbackListens() throws Exception {
    EmbeddedCluster cluster = new EmbeddedCluster("test", data.resolve("pg"),
        Path.of("target/postgres-binaries").toAbsolutePath(), 0).startNow();
    try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null);
        Statement s = c.createStatement()) {
      assertThat(setting(s, "synchronous_commit")).as("a 202 must survive a crash").isEqualTo("on");
      assertThat(setting(s, "fsync")).isEqualTo("on");
      assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
    } finally {
      cluster.stop();
    }
  }

  private static String setting(Statement s, String name) throws Exception {
    try (ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
      r.next();
      return r.getString(1);
    }
  }
}
