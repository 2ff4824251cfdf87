package dev.pave.api.resilience;

import dev.pave.api.home.EmbeddedPasswords;
import dev.pave.api.support.EmbeddedLogins;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The PostgreSQL server the golden path provisions into, seen as its superuser and as a database's owner. */
record TargetServer(String host, int port, Path home) {

  /** A server whose superuser needs no password (a test's own zonky server). */
  TargetServer(String host, int port) {
    this(host, port, null);
  }

  /** The embedded default's target server: its superuser password is the one Pave keeps in {@code home}. */
  static TargetServer embedded(int port, Path home) {
    return new TargetServer("127.0.0.1", port, home);
  }

  private String superuserPassword() {
    return home == null ? null : new EmbeddedLogins(home).password(EmbeddedPasswords.TARGET_SERVER, "postgres");
  }

  /** How many databases of that name the server has (PostgreSQL allows one; a lost one shows as 0). */
  int databasesNamed(String name) {
    return count("SELECT count(*) FROM pg_database WHERE datname = ?", name);
  }

  int rolesNamed(String name) {
    return count("SELECT count(*) FROM pg_roles WHERE rolname = ?", name);
  }

  /** The owner's credentials, as Pave handed them out, open the database. */
  String connectAsOwner(String database, String password) {
    try (Connection owner = DriverManager.getConnection(url(database), database + "_owner", password);
        ResultSet rs = owner.createStatement().executeQuery("SELECT current_user")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new AssertionError("the owner cannot connect to " + database + ": " + e.getMessage(), e);
    }
  }

  private int count(String sql, String name) {
    try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", superuserPassword());
        PreparedStatement statement = admin.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new AssertionError("cannot query the target server: " + e.getMessage(), e);
    }
  }

  private String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
