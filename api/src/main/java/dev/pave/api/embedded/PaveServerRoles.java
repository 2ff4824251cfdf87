package dev.pave.api.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles of Pave's own embedded server, set up as its superuser at each start (idempotent):
 * <ul>
 *   <li>{@link #OWNER} owns Pave's database and schema and runs the migrations;
 *   <li>{@link #APP}, Pave's connection pool, may read and write the rows of Pave's tables, and
 *       nothing more: no DDL, no other database. Tables added by later migrations are covered by
 *       default privileges of the owner, so a migration never has to grant;
 *   <li>{@link #STATE}, Terraform's pg backend, reaches only the state database, where it owns
 *       the {@code terraform_state} schema and reads the per-workspace schemas of older versions.
 * </ul>
 * A data folder made by an older Pave (everything owned by the superuser) is upgraded here:
 * ownership of Pave's objects moves to the owner, and the roles get their grants.
 */
public final class PaveServerRoles {

  public static final String OWNER = "pave_owner";
  public static final String APP = "pave_app";
  public static final String STATE = "pave_state";
  private static final String ROLE_LIMITS = "NOCREATEDB NOCREATEROLE";
  private static final String STATE_SCHEMA = "terraform_state";

  private PaveServerRoles() {}

  /** Passwords of the three roles, from PAVE_HOME. */
  public record Passwords(String owner, String app, String state) {}

  public static void setUp(EmbeddedCluster server, String paveDatabase, String stateDatabase, Passwords passwords) {
    try {
      boolean appCreated;
      try (Connection connection = server.superuser("postgres"); Statement s = connection.createStatement()) {
        LoginRoles.ensure(s, OWNER, passwords.owner(), ROLE_LIMITS);
        appCreated = LoginRoles.ensure(s, APP, passwords.app(), ROLE_LIMITS);
        LoginRoles.ensure(s, STATE, passwords.state(), ROLE_LIMITS);
        createDatabaseIfMissing(s, paveDatabase, OWNER);
        createDatabaseIfMissing(s, stateDatabase, "postgres");
        s.execute("ALTER DATABASE " + paveDatabase + " OWNER TO " + OWNER);
        // Every role may connect to every database by default (through PUBLIC): not here.
        s.execute("REVOKE ALL ON DATABASE " + paveDatabase + " FROM PUBLIC");
        s.execute("REVOKE ALL ON DATABASE " + stateDatabase + " FROM PUBLIC");
        s.execute("GRANT CONNECT ON DATABASE " + paveDatabase + " TO " + APP);
        s.execute("GRANT CONNECT ON DATABASE " + stateDatabase + " TO " + STATE);
      }
      try (Connection connection = server.superuser(paveDatabase)) {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
          boolean adopted = OwnedObjects.reassignFromSuperuser(s, "public", OWNER) > 0;
          s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
              + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + APP);
          s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
              + " GRANT USAGE, SELECT ON SEQUENCES TO " + APP);
          if (adopted || appCreated) {
            // Tables that existed before the application role: what default privileges give later ones.
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP);
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + APP);
          }
        }
        connection.commit();
      }
      try (Connection connection = server.superuser(stateDatabase)) {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + STATE_SCHEMA + " AUTHORIZATION " + STATE);
          OwnedObjects.reassignSchema(s, STATE_SCHEMA, STATE);
          // Terraform's pg backend creates its id sequence in public (CREATE SEQUENCE IF NOT EXISTS
          // public.global_states_id_seq), which needs CREATE there even when it exists.
          s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + STATE);
          OwnedObjects.reassignFromSuperuser(s, "public", STATE);
          grantLegacyStates(s);
        }
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up the roles of the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The per-workspace schemas of older versions, which Pave reads once to adopt their states. */
  private static void grantLegacyStates(Statement s) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (ResultSet rows = s.executeQuery("SELECT quote_ident(nspname) FROM pg_namespace WHERE nspname LIKE 'tfstate\\_%'")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    for (String schema : schemas) {
      s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + STATE);
      s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + STATE);
    }
  }

  private static void createDatabaseIfMissing(Statement s, String name, String owner) throws SQLException {
    try (ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) { // constants only
      if (exists.next()) {
        return;
      }
    }
    s.execute("CREATE DATABASE " + name + " OWNER " + owner);
  }
}
