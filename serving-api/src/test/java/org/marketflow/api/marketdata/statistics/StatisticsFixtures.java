package org.marketflow.api.marketdata.statistics;

import static org.marketflow.schemas.db.Tables.MARKET_STATISTICS_LATEST;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.Times;

/**
 * Rows of {@code market_statistics_latest} for the endpoint tests. The instruments are the tests'
 * own ({@code SIM:STATS-DB}, event {@code stats-evt}), so that no live {@code market:stats:*} key
 * on the shared Redis can stand in for them.
 */
public final class StatisticsFixtures {

  public static final String SIM = "SIM:STATS-DB";

  public static final Instant END = Instant.parse("2024-08-09T00:00:00Z");

  /** Every value set, and awkward doubles that must survive unrounded. */
  public static final StoredStatistics SIM_24H =
      new StoredStatistics(
          SIM,
          "24h",
          Times.micros(END.minusSeconds(86_400)),
          Times.micros(END),
          1_440,
          812.5,
          50_200_000.123456789,
          41_210,
          401.2,
          399.8,
          61700.1,
          61950.0,
          61655.3,
          61837.6,
          61784.6,
          4.1E-4,
          0.30000000000000004,
          2_453_000.0);

  /** No bar in the hour: counts 0, prices and volatility null. */
  public static final StoredStatistics SIM_1H =
      new StoredStatistics(
          SIM,
          "1h",
          Times.micros(END.minusSeconds(3_600)),
          Times.micros(END),
          0,
          0,
          0,
          0,
          0,
          0,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  private StatisticsFixtures() {}

  public static List<StoredStatistics> all() {
    return List.of(
        SIM_24H,
        SIM_1H,
        outcome("PARIFLOW:stats-evt:out-a:YES", 0.42),
        outcome("PARIFLOW:stats-evt:out-a:NO", 0.58),
        outcome("PARIFLOW:stats-evt0:out-a:YES", 0.11));
  }

  private static StoredStatistics outcome(String instrument, double close) {
    return new StoredStatistics(
        instrument,
        "24h",
        Times.micros(END.minusSeconds(86_400)),
        Times.micros(END),
        10,
        100,
        100 * close,
        20,
        60,
        40,
        close,
        close,
        close,
        close,
        close,
        null,
        null,
        null);
  }

  public static void insert(
      String jdbcUrl, String user, String password, List<StoredStatistics> rows)
      throws SQLException {
    var t = MARKET_STATISTICS_LATEST;
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement insert = connection.prepareStatement(t.upsert(null))) {
      for (StoredStatistics s : rows) {
        insert.setString(t.position("instrument"), s.instrument());
        insert.setString(t.position("period"), s.period());
        insert.setObject(t.position("period_end"), Times.utc(Times.ofMicros(s.periodEndUs())));
        insert.setObject(t.position("period_start"), Times.utc(Times.ofMicros(s.periodStartUs())));
        insert.setInt(t.position("bar_count"), s.barCount());
        insert.setDouble(t.position("volume"), s.volume());
        insert.setDouble(t.position("quote_volume"), s.quoteVolume());
        insert.setLong(t.position("trade_count"), s.trades());
        insert.setDouble(t.position("buy_volume"), s.buyVolume());
        insert.setDouble(t.position("sell_volume"), s.sellVolume());
        insert.setObject(t.position("open"), s.open(), Types.DOUBLE);
        insert.setObject(t.position("high"), s.high(), Types.DOUBLE);
        insert.setObject(t.position("low"), s.low(), Types.DOUBLE);
        insert.setObject(t.position("close"), s.close(), Types.DOUBLE);
        insert.setObject(t.position("vwap"), s.vwap(), Types.DOUBLE);
        insert.setObject(t.position("volatility"), s.volatility(), Types.DOUBLE);
        insert.setObject(
            t.position("annualized_volatility"), s.annualizedVolatility(), Types.DOUBLE);
        insert.setObject(t.position("liquidity_usd"), s.liquidityUsd(), Types.DOUBLE);
        insert.setNull(t.position("liquidity_bucket_start"), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
