package dev.pave.api.wiring;

import dev.pave.api.config.EmbeddedSettings;
import dev.pave.api.embedded.EmbeddedCluster;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The embedded default's two PostgreSQL clusters. Pave's own tables and Terraform state live in
 * one; the databases that developers ask for are created in the other, so a provisioned
 * database's owner can never reach Pave's tables and a runaway workload cannot starve Pave.
 */
final class EmbeddedDatabases {

  static final String PAVE_DATABASE = "pave";
  static final String STATE_DATABASE = "pave_tfstate";

  private EmbeddedDatabases() {}

  static DatabaseEndpoints start(Path home, EmbeddedSettings settings, LifecycleEnvironment lifecycle) {
    Path binaries = settings.binariesDir == null ? home.resolve("postgres-binaries") : Path.of(settings.binariesDir);
    EmbeddedCluster pave = new EmbeddedCluster("Pave's tables", home.resolve("postgres"), binaries,
        settings.databasePort).startNow();
    lifecycle.manage(pave);
    EmbeddedCluster target;
    try {
      target = new EmbeddedCluster("golden path target server", home.resolve("target-postgres"),
          binaries, settings.targetPort).startNow();
      lifecycle.manage(target);
      createDatabases(pave.jdbcUrl("postgres"), PAVE_DATABASE, STATE_DATABASE);
    } catch (RuntimeException e) {
      stopQuietly(pave, e);
      throw e;
    }
    return new DatabaseEndpoints(pave.jdbcUrl(PAVE_DATABASE), "postgres", null, pave.libpqUrl(STATE_DATABASE),
        new StateDatabase(pave.jdbcUrl(STATE_DATABASE), "postgres", null),
        Map.of("server_host", "127.0.0.1", "server_port", target.port(), "admin_user", "postgres"),
        () -> {
          target.stop();
          pave.stop();
        });
  }

  private static void stopQuietly(EmbeddedCluster cluster, RuntimeException why) {
    try {
      cluster.stop();
    } catch (java.io.IOException | RuntimeException e) {
      why.addSuppressed(e);
    }
  }

  private static void createDatabases(String adminUrl, String... names) {
    try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", null);
        Statement statement = connection.createStatement()) {
      for (String name : names) {
        try (ResultSet exists = statement.executeQuery(
            "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) { // constant names only
          if (!exists.next()) {
            statement.execute("CREATE DATABASE " + name);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create Pave's databases in the embedded PostgreSQL", e);
    }
  }
}
