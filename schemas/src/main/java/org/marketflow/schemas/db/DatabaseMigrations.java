package org.marketflow.schemas.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.marketflow.schemas.backtest.BacktestName;

/**
 * Applies the suite's PostgreSQL schema ({@code classpath:db/migration}) with Flyway. Safe to call
 * from several processes at once: Flyway serializes them with a lock in the database.
 */
public final class DatabaseMigrations {

  public static final String LOCATION = "classpath:db/migration";

  private DatabaseMigrations() {}

  /** Migrates to the latest version and creates the partitions ahead of now. */
  public static MigrateResult migrate(String jdbcUrl, String user, String password) {
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(jdbcUrl, user, password)
            .locations(LOCATION)
            .load()
            .migrate();
    createPartitionsAhead(jdbcUrl, user, password);
    return result;
  }

  /**
   * Migrates the schema of {@code backtest} to the latest version, creating it when missing: a
   * backtest's own copy of every table beside the live ones, with its own {@code
   * flyway_schema_history}. Flyway connects through {@link BacktestName#jdbcUrl}, so its search
   * path is that schema alone while migrating: the migrations' unqualified names, the partitions
   * they create ahead of now included, land there, and nothing of the live schema is seen or
   * touched.
   */
  public static MigrateResult migrateBacktest(
      String jdbcUrl, String user, String password, BacktestName backtest) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(backtest.jdbcUrl(jdbcUrl), user, password)
        .locations(LOCATION)
        .schemas(backtest.schema())
        .defaultSchema(backtest.schema())
        .load()
        .migrate();
  }

  /** Creates the partitions for the coming days and months; returns how many were created. */
  public static int createPartitionsAhead(String jdbcUrl, String user, String password) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT marketflow_create_partitions_ahead()")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create partitions ahead: " + e.getMessage(), e);
    }
  }
}
