package dev.pave.api.embedded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves objects an older Pave created as the superuser to the role that owns them now.
 * {@code REASSIGN OWNED BY postgres} cannot be used: it would also take the system's objects.
 */
final class OwnedObjects {

  private OwnedObjects() {}

  /**
   * Tables, views, free-standing sequences, routines and types in {@code schema} owned by the
   * superuser go to {@code role}. Indexes, triggers and identity sequences follow their table.
   *
   * @return how many objects moved
   */
  static int reassignFromSuperuser(Statement s, String schema, String role) throws SQLException {
    String in = " JOIN pg_namespace n ON n.oid = %s WHERE n.nspname = '" + schema + "' AND %s = 'postgres'::regrole";
    String sql = "SELECT format('ALTER TABLE %s OWNER TO " + role + "', c.oid::regclass) FROM pg_class c"
        + String.format(in, "c.relnamespace", "c.relowner") + " AND c.relkind IN ('r', 'p', 'v', 'm')"
        + " UNION ALL SELECT format('ALTER SEQUENCE %s OWNER TO " + role + "', c.oid::regclass) FROM pg_class c"
        + String.format(in, "c.relnamespace", "c.relowner") + " AND c.relkind = 'S' AND NOT EXISTS"
        + " (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
        + " UNION ALL SELECT format('ALTER ROUTINE %s OWNER TO " + role + "', p.oid::regprocedure) FROM pg_proc p"
        + String.format(in, "p.pronamespace", "p.proowner")
        + " UNION ALL SELECT format('ALTER %s %s OWNER TO " + role + "',"
        + " CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype) FROM pg_type t"
        + String.format(in, "t.typnamespace", "t.typowner") + " AND t.typtype IN ('e', 'd', 'r')"
        + " AND t.typelem = 0";
    List<String> statements = new ArrayList<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        statements.add(rows.getString(1));
      }
    }
    for (String statement : statements) {
      s.execute(statement);
    }
    return statements.size();
  }

  /** The schema itself and everything in it owned by the superuser (an older Pave's state schema). */
  static void reassignSchema(Statement s, String schema, String role) throws SQLException {
    s.execute("ALTER SCHEMA " + schema + " OWNER TO " + role);
    reassignFromSuperuser(s, schema, role);
  }
}
