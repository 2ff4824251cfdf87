package dev.pave.api.wiring;

import dev.pave.workflows.activities.WorkspaceStates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new workspace an empty state row in the pg backend's table (see {@link WorkspaceStates}
 * for why). The table is Terraform's: {@code <schema>.states (id, name unique, data)}, made by init.
 */
final class JdbcWorkspaceStates implements WorkspaceStates {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcWorkspaceStates.class);

  private final StateDatabase database;

  JdbcWorkspaceStates(StateDatabase database) {
    this.database = database;
  }

  @Override
  public java.util.Optional<String> read(String schema) {
    String table = '"' + schema.replace("\"", "\"\"") + "\".states";
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement select = connection.prepareStatement("SELECT data FROM " + table + " WHERE name = 'default'");
        java.sql.ResultSet row = select.executeQuery()) {
      return row.next() ? java.util.Optional.ofNullable(row.getString(1)) : java.util.Optional.empty();
    } catch (SQLException e) {
      LOG.warn("could not read the Terraform state in {}: {}", schema, e.getMessage());
      return java.util.Optional.empty();
    }
  }

  @Override
  public void createIfMissing(String schema, String emptyState) {
    String table = '"' + schema.replace("\"", "\"\"") + "\".states"; // quoted: a name is never SQL
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + table + " (name, data) VALUES ('default', ?) ON CONFLICT (name) DO NOTHING")) {
      insert.setString(1, emptyState);
      insert.executeUpdate();
    } catch (SQLException e) {
      // Only a speed-up: without the row Terraform creates the state itself, under its database-wide lock.
      LOG.warn("could not create an empty Terraform state in {}: {}", schema, e.getMessage());
    }
  }
}
