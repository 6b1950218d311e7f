package org.marketflow.schemas.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

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
