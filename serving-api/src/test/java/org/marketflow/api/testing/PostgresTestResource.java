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
 * {@link OhlcFixtures}, {@link TradeFixtures}, {@link StatisticsFixtures} and one API key of each
 * kind ({@link TestApiKeys.StandardKeys}); its coordinates become the service's datasource settings
 * (for {@code QuarkusIntegrationTest}s, system properties of the packaged service's process), with
 * the tests' pepper {@link TestApiKeys#PEPPER}. Fields marked {@link InjectApiKeys} receive the
 * keys, or a {@link TestApiKeys} to make more.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private PostgresDatabase database;

  /** The keys of the service started last, for static helpers ({@link ApiCalls}). */
  private static volatile TestApiKeys.StandardKeys current;

  private TestApiKeys apiKeys;
  private TestApiKeys.StandardKeys standardKeys;

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
    apiKeys = new TestApiKeys(database.jdbcUrl(), database.user(), database.password());
    standardKeys = TestApiKeys.StandardKeys.createWith(apiKeys);
    current = standardKeys;
    Map<String, String> config = new HashMap<>();
    config.put("marketflow.access.pepper", TestApiKeys.PEPPER);
    // The standard keys' tier admits what any endpoint test sends; rate-limit tests use their own.
    config.put("marketflow.rate-limit.tiers." + TestApiKeys.STANDARD + ".requests", "1000000");
    config.put("marketflow.rate-limit.tiers." + TestApiKeys.STANDARD + ".burst", "100000");
    // Tests send many requests without a valid key, all from 127.0.0.1: UnkeyedRateLimitTest
    // tests that limit with its own.
    config.put("marketflow.rate-limit.unkeyed.requests", "1000000");
    config.put("marketflow.rate-limit.unkeyed.burst", "100000");
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", nullToEmpty(database.user()));
    config.put("quarkus.datasource.password", nullToEmpty(database.password()));
    return config;
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(
        apiKeys, new TestInjector.AnnotatedAndMatchesType(InjectApiKeys.class, TestApiKeys.class));
    testInjector.injectIntoFields(
        standardKeys,
        new TestInjector.AnnotatedAndMatchesType(
            InjectApiKeys.class, TestApiKeys.StandardKeys.class));
  }

  @Override
  public void stop() {
    if (database != null) {
      database.close();
    }
  }

  /** The standard keys of the service under test. */
  public static TestApiKeys.StandardKeys keys() {
    return current;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
