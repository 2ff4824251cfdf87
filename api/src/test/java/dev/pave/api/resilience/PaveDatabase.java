package dev.pave.api.resilience;

import java.sql.Connection;
import dev.pave.api.support.EmbeddedLogins;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Pave's own tables, read directly: the workspace line's order is defined there, to the microsecond. */
record PaveDatabase(int port, Path home) {

  /** The embedded default's cluster, with the passwords Pave keeps in {@code home}. */
  static PaveDatabase embedded(int port, Path home) {
    return new PaveDatabase(port, home);
  }

  /** Ids of a workspace's requests in the order Pave accepted them (its line order). */
  List<String> acceptedOrder(String workspace) {
    return ids("SELECT id FROM requests WHERE workspace = ? ORDER BY created_at, id", workspace);
  }

  /** How many requests on workspaces whose names start with {@code prefix} are not terminal yet. */
  int unfinished(String prefix) {
    return ids("SELECT id FROM requests WHERE workspace LIKE ? || '%' AND status NOT IN"
        + " ('succeeded', 'failed', 'denied', 'rejected', 'cancelled', 'expired')", prefix).size();
  }

  /** Every request id on workspaces whose names start with {@code prefix}. */
  List<String> requestsOn(String prefix) {
    return ids("SELECT id FROM requests WHERE workspace LIKE ? || '%'", prefix);
  }

  List<String> ids(String sql, String parameter) {
    try (Connection connection = new EmbeddedLogins(home).paveDatabase(port);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new AssertionError("cannot read Pave's database: " + e.getMessage(), e);
    }
  }
}
