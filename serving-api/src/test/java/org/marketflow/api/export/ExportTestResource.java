package org.marketflow.api.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * {@link PostgresTestResource}'s database plus {@link ExportFixtures}, a fresh export directory,
 * and export limits small enough to reach with the fixtures: 60,000 rows stream, up to 100,000
 * become a job, ranges up to 31 days, and the cleanup runs every second. The database and the
 * directory are those of the service under test, in-JVM or packaged; the tests reach them through
 * {@link #connect()} and {@link #directory()}.
 */
public class ExportTestResource extends PostgresTestResource {

  public static final long SYNC_MAX_ROWS = 60_000;
  public static final long MAX_ROWS = 100_000;
  public static final int MAX_RANGE_DAYS = 31;

  private static volatile Map<String, String> database;
  private static volatile Path directory;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    database = Map.copyOf(config);
    try (Connection connection = connect()) {
      ExportFixtures.insert(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the export fixtures: " + e.getMessage(), e);
    }
    try {
      directory = Files.createTempDirectory("marketflow-exports-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put("marketflow.export.directory", directory.toString());
    config.put("marketflow.export.sync-max-rows", Long.toString(SYNC_MAX_ROWS));
    config.put("marketflow.export.max-rows", Long.toString(MAX_ROWS));
    config.put("marketflow.export.max-range", MAX_RANGE_DAYS + "d");
    config.put("marketflow.export.cleanup-every", "1s");
    return config;
  }

  /** A connection to the service's database. */
  public static Connection connect() throws SQLException {
    Map<String, String> db = database;
    return DriverManager.getConnection(
        db.get("quarkus.datasource.jdbc.url"),
        db.get("quarkus.datasource.username"),
        db.get("quarkus.datasource.password"));
  }

  /** The service's export directory. */
  public static Path directory() {
    return directory;
  }
}
