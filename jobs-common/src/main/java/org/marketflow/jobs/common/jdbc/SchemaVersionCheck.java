package org.marketflow.jobs.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.Properties;
import org.marketflow.schemas.backtest.BacktestName;
import org.postgresql.Driver;

/**
 * Checks, when a job starts, that the database schema is at least the version the job writes. The
 * schema is migrated by a deployment step ({@code scripts/migrate.sh}), not by the jobs: a job only
 * reads Flyway's history table, and fails with a message saying what to run. A backtest's job
 * checks the backtest's own schema, {@code backtest_<name>}, which the same step migrates.
 */
public final class SchemaVersionCheck {

  static final String HISTORY = "flyway_schema_history";

  private SchemaVersionCheck() {}

  /**
   * Checks the live schema: the history table on the connection's search path.
   *
   * @throws IllegalStateException if the schema is older than {@code required} or absent, or the
   *     database cannot be read
   */
  public static void requireAtLeast(
      String jdbcUrl, String user, String password, int required, String job) {
    requireAtLeast(jdbcUrl, user, password, null, required, job);
  }

  /**
   * Checks the schema of {@code backtest}, or the live one when it is {@code null}.
   *
   * @throws IllegalStateException if the schema is older than {@code required} or absent, or the
   *     database cannot be read
   */
  public static void requireAtLeast(
      String jdbcUrl,
      String user,
      String password,
      BacktestName backtest,
      int required,
      String job) {
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
      current = currentVersion(connection, historyTable(backtest));
    } catch (SQLException e) {
      throw new IllegalStateException(
          job
              + " cannot read the schema version of "
              + (backtest == null ? "" : "schema " + backtest.schema() + " of ")
              + jdbcUrl
              + ": "
              + e.getMessage(),
          e);
    }
    String problem = problem(current, required, job, jdbcUrl, backtest);
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** Flyway's history table: on the search path, or in the backtest's schema. */
  static String historyTable(BacktestName backtest) {
    return backtest == null ? HISTORY : "\"" + backtest.schema() + "\"." + HISTORY;
  }

  /** The latest applied migration's version in {@code history}; empty when none was applied. */
  static OptionalInt currentVersion(Connection connection, String history) throws SQLException {
    if (!exists(connection, history)) {
      return OptionalInt.empty();
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT max(CAST(version AS integer)) FROM "
                    + history
                    + " WHERE success AND version IS NOT NULL")) {
      rs.next();
      int version = rs.getInt(1);
      return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
    }
  }

  /** The message for a live schema too old for the job, or {@code null}. */
  static String problem(OptionalInt current, int required, String job, String jdbcUrl) {
    return problem(current, required, job, jdbcUrl, null);
  }

  /**
   * The message for a schema too old for the job, or {@code null} when it is recent enough.
   *
   * @param backtest the backtest whose schema it is, {@code null} for the live one
   */
  static String problem(
      OptionalInt current, int required, String job, String jdbcUrl, BacktestName backtest) {
    if (current.isPresent() && current.getAsInt() >= required) {
      return null;
    }
    String found;
    if (current.isPresent()) {
      found = "is at version " + current.getAsInt();
    } else {
      found =
          backtest == null
              ? "has no MarketFlow schema (no flyway_schema_history)"
              : "is missing or not migrated (no flyway_schema_history)";
    }
    return (backtest == null ? "the database " : "the schema " + backtest.schema() + " of ")
        + jdbcUrl
        + " "
        + found
        + ", but "
        + job
        + " needs version "
        + required
        + " or later. Migrate it first: scripts/migrate.sh --jdbc-url "
        + jdbcUrl
        + " --user <user> --password <password>"
        + (backtest == null ? "" : " --backtest " + backtest);
  }

  /** Whether the table exists, as a statement naming it would resolve it. */
  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getString(1) != null;
      }
    }
  }
}
