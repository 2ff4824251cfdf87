package dev.pave.api.wiring;

import dev.pave.workflows.activities.WorkingDirectories;
import dev.pave.workflows.activities.WorkspaceStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pg backend's state rows (see {@link WorkspaceStates} for why Pave touches them). The table
 * is Terraform's: {@code terraform_state.states (id, name unique, data)}, made by init; a
 * workspace's row is named like the workspace. Connections come from a small pool: two
 * statements per request, each of which would otherwise pay for a new connection.
 */
final class JdbcWorkspaceStates implements WorkspaceStates {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcWorkspaceStates.class);
  private static final String TABLE = '"' + WorkingDirectories.STATE_SCHEMA + "\".states";
  private static final String LEGACY_PREFIX = "tfstate_";

  private final DataSource pool;

  JdbcWorkspaceStates(DataSource pool) {
    this.pool = pool;
  }

  @Override
  public Optional<String> read(String workspace) {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT data FROM " + TABLE + " WHERE name = ?")) {
      select.setString(1, workspace);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      LOG.warn("could not read the Terraform state of {}: {}", workspace, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public boolean adoptLegacyStates() {
    try (Connection connection = pool.getConnection();
        PreparedStatement legacy = connection.prepareStatement("SELECT table_schema FROM information_schema.tables"
            + " WHERE table_name = 'states' AND table_schema LIKE 'tfstate\\_%' ORDER BY table_schema")) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = legacy.executeQuery()) {
        while (rows.next()) {
          schemas.add(rows.getString(1));
        }
      }
      int adopted = 0;
      for (String schema : schemas) {
        String workspace = schema.substring(LEGACY_PREFIX.length()).replace('_', '-');
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + TABLE + " (name, data)"
            + " SELECT ?, data FROM \"" + schema.replace("\"", "\"\"") + "\".states WHERE name = 'default'"
            + " ON CONFLICT (name) DO NOTHING")) {
          copy.setString(1, workspace);
          adopted += copy.executeUpdate();
        }
      }
      if (adopted > 0) {
        LOG.info("adopted {} Terraform state(s) from the per-workspace schemas of earlier versions ({} schemas"
            + " left in place)", adopted, schemas.size());
      }
      return true;
    } catch (SQLException e) {
      LOG.warn("could not look for Terraform states of earlier versions: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public boolean createIfMissing(String workspace, String emptyState) {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + TABLE + " (name, data) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
      insert.setString(1, workspace);
      insert.setString(2, emptyState);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      // Only a speed-up: without the row Terraform creates the state itself, under its database-wide lock.
      LOG.warn("could not create an empty Terraform state for {}: {}", workspace, e.getMessage());
      return false;
    }
  }

  @Override
  public void removeIfUnchanged(String workspace, String state) {
    try (Connection connection = pool.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? AND data = ?")) {
      delete.setString(1, workspace);
      delete.setString(2, state);
      delete.executeUpdate();
    } catch (SQLException e) {
      // An empty state left behind is what the workspace's first apply would have made anyway.
      LOG.warn("could not remove the empty Terraform state a speculative plan of {} used: {}", workspace,
          e.getMessage());
    }
  }
}
