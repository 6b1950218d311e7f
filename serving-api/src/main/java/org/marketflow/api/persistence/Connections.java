package org.marketflow.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrowing a pooled connection, with a refused or timed-out borrow told apart as an outage. */
public final class Connections {

  private Connections() {}

  /**
   * A connection from the pool (Agroal); close it to give it back.
   *
   * @throws DataAccessException marked "database unavailable" when none can be had
   */
  public static Connection open(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("cannot connect to the database", e, true);
    }
  }
}
