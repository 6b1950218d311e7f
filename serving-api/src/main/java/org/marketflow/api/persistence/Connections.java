package org.marketflow.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Taking a connection from the pool, with the failure every repository reports the same way. */
public final class Connections {

  private Connections() {}

  /**
   * A connection of {@code dataSource}.
   *
   * @throws DataAccessException (database unavailable) if none can be had
   */
  public static Connection open(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("cannot connect to the database", e, true);
    }
  }
}
