package org.marketflow.api.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A failed database read; tells an unreachable database from a failing statement. */
public class DataAccessException extends RuntimeException {

  private final boolean databaseUnavailable;

  public DataAccessException(String message, SQLException cause, boolean databaseUnavailable) {
    super(message + ": " + cause.getMessage(), cause);
    this.databaseUnavailable = databaseUnavailable;
  }

  /**
   * True when the database could not be reached (no connection, connection lost, shutting down).
   */
  public boolean databaseUnavailable() {
    return databaseUnavailable;
  }

  /** Whether {@code e} reports a refused or lost connection rather than a failing statement. */
  public static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      // Class 08: connection exception; 57P01-57P03: server shutting down or not accepting yet.
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
