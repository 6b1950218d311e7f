package org.marketflow.jobs.analytics.sinks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binding nullable values, shared by the analytics' statements. */
final class Columns {

  private Columns() {}

  static void setDouble(PreparedStatement statement, int position, Double value)
      throws SQLException {
    if (value == null || !Double.isFinite(value)) {
      statement.setNull(position, Types.DOUBLE);
    } else {
      statement.setDouble(position, value);
    }
  }

  static void setString(PreparedStatement statement, int position, CharSequence value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.VARCHAR);
    } else {
      statement.setString(position, value.toString());
    }
  }

  static void setJson(PreparedStatement statement, int position, String json) throws SQLException {
    statement.setObject(position, json, Types.OTHER);
  }
}
