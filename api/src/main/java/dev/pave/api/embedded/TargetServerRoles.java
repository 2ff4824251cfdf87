package dev.pave.api.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden path's admin on the embedded target server: {@link #ADMIN}, with CREATEDB and
 * CREATEROLE and nothing more, as managed services give (no superuser, so a module's SQL cannot
 * reach the server's files or programs). Databases and owner roles that an older Pave created as
 * the superuser stay manageable: since PostgreSQL 16 a CREATEROLE role manages only roles it has
 * ADMIN OPTION on, so each of them is granted to the admin with it.
 *
 * <p>The maintenance databases are the admin's alone: PostgreSQL lets every role connect to
 * {@code postgres} and {@code template1}, so the owner credentials handed to a team would reach
 * them (and the module refuses to create an owner while they do).
 */
public final class TargetServerRoles {

  public static final String ADMIN = "pave_target_admin";

  private TargetServerRoles() {}

  public static void setUp(EmbeddedCluster server, String adminPassword) {
    try (Connection connection = server.superuser("postgres"); Statement s = connection.createStatement()) {
      LoginRoles.ensure(s, ADMIN, adminPassword, "CREATEDB CREATEROLE");
      List<String> unmanaged = new ArrayList<>();
      try (ResultSet rows = s.executeQuery("SELECT quote_ident(r.rolname) FROM pg_roles r"
          + " WHERE NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%' AND r.rolname <> '" + ADMIN + "'"
          + " AND NOT EXISTS (SELECT FROM pg_auth_members m WHERE m.roleid = r.oid"
          + " AND m.member = '" + ADMIN + "'::regrole AND m.admin_option)")) {
        while (rows.next()) {
          unmanaged.add(rows.getString(1));
        }
      }
      for (String role : unmanaged) {
        s.execute("GRANT " + role + " TO " + ADMIN + " WITH ADMIN OPTION");
      }
      s.execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC");
      s.execute("GRANT CONNECT ON DATABASE postgres TO " + ADMIN);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set up the admin of the embedded target server: " + e.getMessage(), e);
    }
  }
}
