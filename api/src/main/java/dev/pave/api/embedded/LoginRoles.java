package dev.pave.api.embedded;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PasswordUtil;

/**
 * Creates or updates the login roles Pave uses on its embedded servers. Role names are Pave's
 * constants (never input). Passwords travel only as SCRAM verifiers computed here, so no
 * statement the server could log holds one; setting the password at every start is what makes
 * rotation a matter of editing the password file.
 */
final class LoginRoles {

  /** Never superuser, never able to reach the server's files or programs (COPY ... TO PROGRAM). */
  private static final String LOCKED_DOWN = " NOSUPERUSER NOREPLICATION NOBYPASSRLS LOGIN";
  private static final String[] SERVER_ACCESS = {
      "pg_execute_server_program", "pg_read_server_files", "pg_write_server_files"};

  private LoginRoles() {}

  /**
   * @param attributes e.g. "NOCREATEDB NOCREATEROLE", or "CREATEDB CREATEROLE" for the target's admin
   * @return true if the role was created now (an older PAVE_HOME, or a fresh one)
   */
  static boolean ensure(Statement statement, String role, String password, String attributes) throws SQLException {
    String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
    boolean created = !exists(statement, role);
    statement.execute((created ? "CREATE ROLE " : "ALTER ROLE ") + role + " WITH" + LOCKED_DOWN + " " + attributes
        + " PASSWORD '" + verifier + "'");
    for (String access : SERVER_ACCESS) {
      if (isMember(statement, role, access)) {
        statement.execute("REVOKE " + access + " FROM " + role);
      }
    }
    return created;
  }

  private static boolean exists(Statement statement, String role) throws SQLException {
    try (PreparedStatement select = statement.getConnection().prepareStatement(
        "SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      select.setString(1, role);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private static boolean isMember(Statement statement, String role, String group) throws SQLException {
    try (PreparedStatement select = statement.getConnection().prepareStatement(
        "SELECT pg_has_role(?, ?, 'MEMBER')")) {
      select.setString(1, role);
      select.setString(2, group);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }
}
