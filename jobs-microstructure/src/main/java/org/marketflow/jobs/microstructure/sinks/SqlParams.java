package org.marketflow.jobs.microstructure.sinks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binds a record's nullable fields: SQL {@code NULL} for a {@code null}. */
final class SqlParams {

  private SqlParams() {}

  static void setDouble(PreparedStatement statement, int position, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.DOUBLE);
    } else {
      statement.setDouble(position, value);
    }
  }

  static void setLong(PreparedStatement statement, int position, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.BIGINT);
    } else {
      statement.setLong(position, value);
    }
  }
}
