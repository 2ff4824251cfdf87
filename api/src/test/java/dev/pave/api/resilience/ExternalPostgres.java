package dev.pave.api.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A PostgreSQL server the test owns, standing in for an operator's database server: Pave only
 * gets its JDBC URL. The test can stop it (an outage) and start it again on the same data and port.
 */
final class ExternalPostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  ExternalPostgres(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.port = FreePorts.pick();
  }

  ExternalPostgres start() {
    try {
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(Path.of("target/postgres-binaries").toAbsolutePath().toFile())
          .setPort(port)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("max_connections", "200")
          .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fast shutdown: open sessions are ended, as on a failover or a crash of the server. */
  void stop() {
    try {
      postgres.close();
      postgres = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /**
   * With sslmode spelt out: Pave hands this URL to Terraform's pg backend too, and lib/pq's default
   * (require) fails against a server without TLS where the JDBC driver's (prefer) would not.
   */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable";
  }

  /** Creates a database; returns its libpq URL (as Terraform's pg backend takes it). */
  String createDatabase(String name) {
    try (Connection admin = DriverManager.getConnection(jdbcUrl(), "postgres", null)) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return "postgres://postgres@127.0.0.1:" + port + "/" + name + "?sslmode=disable";
  }

  /** The single number a query returns, in the given database. */
  long count(String database, String sql) {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", "postgres", null);
        ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    if (postgres != null) {
      stop();
    }
  }
}
