package dev.pave.api.wiring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * A PAVE_HOME as Pave made it before issue 9: both servers initdb'd with the superuser trusted on
 * loopback and sockets in /tmp, Pave's tables (all migrations) and Terraform's state owned by the
 * superuser, an owner role and its database on the target created by the superuser admin,
 * PAVE_HOME 0755 and a plan file 0644.
 */
final class OldPaveHome {

  private OldPaveHome() {}

  static void create(Path home, Path binaries, int targetPort) throws IOException, SQLException {
    Files.createDirectories(home);
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (EmbeddedPostgres pave = start(home.resolve("postgres"), binaries, 0)) {
      execute(pave, "postgres", "CREATE DATABASE pave", "CREATE DATABASE pave_tfstate");
      Flyway.configure().dataSource(pave.getDatabase("postgres", "pave")).locations("classpath:db/migration").load()
          .migrate();
      // A table of the old schema with a row and its own sequence, as a migration of the time made it.
      execute(pave, "pave", "CREATE TABLE old_notes (id bigserial PRIMARY KEY, note text)",
          "INSERT INTO old_notes (note) VALUES ('from before')");
      execute(pave, "pave_tfstate",
          "CREATE SCHEMA terraform_state",
          "CREATE SEQUENCE public.global_states_id_seq AS bigint",
          "CREATE TABLE terraform_state.states (id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq')"
              + " PRIMARY KEY, name text UNIQUE, data text)",
          "INSERT INTO terraform_state.states (name, data) VALUES ('orders-db', '{\"version\": 4}')",
          "CREATE SCHEMA tfstate_legacy_ws",
          "CREATE TABLE tfstate_legacy_ws.states (id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq')"
              + " PRIMARY KEY, name text UNIQUE, data text)",
          "INSERT INTO tfstate_legacy_ws.states (name, data) VALUES ('default', '{\"version\": 4, \"legacy\": true}')");
    }
    try (EmbeddedPostgres target = start(home.resolve("target-postgres"), binaries, targetPort)) {
      execute(target, "postgres",
          "CREATE ROLE orders_owner LOGIN PASSWORD 'old-owner-password'",
          "COMMENT ON ROLE orders_owner IS 'pave-workspace:orders-db'",
          "CREATE DATABASE orders OWNER orders_owner",
          "COMMENT ON DATABASE orders IS 'pave-workspace:orders-db'",
          "REVOKE CONNECT, TEMPORARY ON DATABASE orders FROM PUBLIC");
    }
    Path run = Files.createDirectories(home.resolve("work").resolve("req-old"));
    Files.writeString(run.resolve("pave.tfplan"), "a plan with a password in it");
    Files.setPosixFilePermissions(run.resolve("pave.tfplan"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(home.resolve("work"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The start of EmbeddedCluster before issue 9. */
  private static EmbeddedPostgres start(Path data, Path binaries, int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(binaries.toFile()).setRegisterShutdownHook(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setDataDirectoryCustomizer(dir -> {
          try {
            Files.write(dir.toPath().resolve("pg_hba.conf"), List.of("local all postgres trust",
                "host  all postgres 127.0.0.1/32 trust", "local all all scram-sha-256",
                "host  all all 127.0.0.1/32 scram-sha-256"));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  private static void execute(EmbeddedPostgres server, String database, String... statements) throws SQLException {
    try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
