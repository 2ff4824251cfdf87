package dev.pave.api.errors;

import java.sql.SQLException;

/** Tells "the database is down" (SQLState class 08, connection failures) from other errors. */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01"))) {
        return true;
      }
      if (t.getClass().getName().endsWith("PoolExhaustedException") || t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }
}
