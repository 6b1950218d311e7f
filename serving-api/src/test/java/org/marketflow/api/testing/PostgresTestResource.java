package org.marketflow.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.marketflow.api.marketdata.ohlc.OhlcFixtures;
import org.marketflow.api.marketdata.statistics.StatisticsFixtures;
import org.marketflow.api.marketdata.trades.TradeFixtures;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * A fresh database on the shared local PostgreSQL, migrated with the suite's schema and loaded with
 * {@link OhlcFixtures}; its coordinates become the service's datasource settings (for {@code
 * QuarkusIntegrationTest}s, system properties of the packaged service's process). {@link
 * TradeFixtures} and {@link StatisticsFixtures} are loaded beside the bars.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private PostgresDatabase database;

  @Override
  public Map<String, String> start() {
    database = LocalPostgres.shared().createDatabase("api");
    DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
    try {
      OhlcFixtures.insert(
          database.jdbcUrl(), database.user(), database.password(), OhlcFixtures.all());
      TradeFixtures.insert(
          database.jdbcUrl(), database.user(), database.password(), TradeFixtures.all());
      StatisticsFixtures.insert(
          database.jdbcUrl(), database.user(), database.password(), StatisticsFixtures.all());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the fixtures: " + e.getMessage(), e);
    }
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", nullToEmpty(database.user()));
    config.put("quarkus.datasource.password", nullToEmpty(database.password()));
    return config;
  }

  @Override
  public void stop() {
    if (database != null) {
      database.close();
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
