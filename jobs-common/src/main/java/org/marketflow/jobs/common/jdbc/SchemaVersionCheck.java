package org.marketflow.jobs.common.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Checks, when a job starts, that the database schema is at least the version the job writes. The
 * schema is migrated by a deployment step ({@code scripts/migrate.sh}), not by the jobs: a job only
 * reads Flyway's history table, and fails with a message saying what to run.
 */
public final class SchemaVersionCheck {

  static final String CURRENT_VERSION =
      "SELECT max(CAST(version AS integer)) FROM flyway_schema_history"
          + " WHERE success AND version IS NOT NULL";

  private SchemaVersionCheck() {}

  /**
   * @throws IllegalStateException if the schema is older than {@code required} or absent, or the
   *     database cannot be read
   */
  public static void requireAtLeast(
      String jdbcUrl, String user, String password, int required, String job) {
    OptionalInt current;
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    // The driver itself, not DriverManager: in a job jar's child-first class loader on a cluster,
    // DriverManager does not see the driver shaded into the jar.
    try (Connection connection = new Driver().connect(jdbcUrl, credentials)) {
      if (connection == null) {
        throw new SQLException("not a PostgreSQL URL");
      }
      current = currentVersion(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          job + " cannot read the schema version of " + jdbcUrl + ": " + e.getMessage(), e);
    }
    String problem = problem(current, required, job, jdbcUrl);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** The latest applied migration's version; empty when none was applied. */
  static OptionalInt currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (!hasHistory(connection)) {
        return OptionalInt.empty();
      }
      try (ResultSet rs = statement.executeQuery(CURRENT_VERSION)) {
        rs.next();
        int version = rs.getInt(1);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
      }
    }
  }

  /** The message for a schema too old for the job, or {@code null} when it is recent enough. */
  static String problem(OptionalInt current, int required, String job, String jdbcUrl) {
    if (current.isPresent() && current.getAsInt() >= required) {
      return null;
    }
    String found =
        current.isPresent()
            ? "is at version " + current.getAsInt()
            : "has no MarketFlow schema (no flyway_schema_history)";
    return "the database "
        + jdbcUrl
        + " "
        + found
        + ", but "
        + job
        + " needs version "
        + required
        + " or later. Migrate it first: scripts/migrate.sh --jdbc-url "
        + jdbcUrl
        + " --user <user> --password <password>";
  }

  private static boolean hasHistory(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
      return tables.next();
    }
  }
}
