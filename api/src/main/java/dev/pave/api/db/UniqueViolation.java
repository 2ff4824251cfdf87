package dev.pave.api.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/** Tells "this unique constraint refused the row" (a caller's conflict, a 409) from other failures. */
public final class UniqueViolation {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolation() {}

  public static boolean of(Throwable failure, String constraint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())
          && psql.getServerErrorMessage() != null && constraint.equals(psql.getServerErrorMessage().getConstraint())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null && of(sql.getNextException(), constraint)) {
        return true;
      }
    }
    return false;
  }
}
