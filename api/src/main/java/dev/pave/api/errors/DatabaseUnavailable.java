package dev.pave.api.errors;

import java.sql.SQLException;

/**
 * Tells "the database is down" from other errors: SQLState class 08 (connection exceptions) and
 * 57P01 to 57P03 (the server is shutting down, crashed, or still starting up after an outage).
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
        return true;
      }
      if (t.getClass().getName().endsWith("PoolExhaustedException") || t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }
}
