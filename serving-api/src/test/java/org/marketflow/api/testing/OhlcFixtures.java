package org.marketflow.api.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars the endpoint tests query. All fixed instants on 2024-08-08 (UTC), so they sit in the
 * DEFAULT partition of {@code ohlc_bars}, and the "latest" queries see them as the newest bars.
 */
public final class OhlcFixtures {

  public static final String BTC = "BINANCE:BTCUSDT";
  public static final String ETH = "BINANCE:ETHUSDT";

  /**
   * 1m BTC bars at 23:50 ... 23:59; the one at 23:55 has the awkward values of {@link #BTC_2355}.
   */
  public static final Instant BTC_FIRST = Instant.parse("2024-08-08T23:50:00Z");

  public static final int BTC_MINUTES = 10;

  /** Values that only survive if nothing rounds or reformats them on the way. */
  public static final FixtureBar BTC_2355 =
      new FixtureBar(
          BTC,
          "1m",
          Instant.parse("2024-08-08T23:55:00Z"),
          61234.56,
          61300.123456789,
          61200.000000001,
          61288.88,
          0.30000000000000004,
          18370.123456789012,
          1234,
          61251.123456789012,
          Instant.parse("2024-08-08T23:55:00.123456Z"),
          Instant.parse("2024-08-08T23:55:59.999999Z"),
          2);

  /** Event {@code evt-1}: two outcomes, YES and NO, bars at 12:00 ... 12:03 on 2024-08-08. */
  public static final String EVT1_A_YES = "PARIFLOW:evt-1:out-a:YES";

  public static final String EVT1_A_NO = "PARIFLOW:evt-1:out-a:NO";
  public static final String EVT1_B_YES = "PARIFLOW:evt-1:out-b:YES";

  /** Instruments that a careless prefix or LIKE would confuse with evt-1 and evt_2. */
  public static final String EVT10_A_YES = "PARIFLOW:evt-10:out-a:YES";

  public static final String EVT_2_YES = "PARIFLOW:evt_2:x:YES";
  public static final String EVTX2_YES = "PARIFLOW:evtX2:x:YES";

  public static final Instant NOON = Instant.parse("2024-08-08T12:00:00Z");

  private OhlcFixtures() {}

  public static List<FixtureBar> all() {
    List<FixtureBar> bars = new ArrayList<>();
    for (int i = 0; i < BTC_MINUTES; i++) {
      Instant start = BTC_FIRST.plusSeconds(60L * i);
      bars.add(
          start.equals(BTC_2355.bucketStart())
              ? BTC_2355
              : FixtureBar.simple(BTC, "1m", start, 61000 + i));
    }
    bars.add(FixtureBar.simple(BTC, "5m", BTC_FIRST, 60900));
    bars.add(FixtureBar.simple(BTC, "5m", BTC_FIRST.plusSeconds(300), 60950));
    for (int i = 0; i < 3; i++) {
      bars.add(FixtureBar.simple(ETH, "1m", BTC_FIRST.plusSeconds(60L * i), 2600 + i));
    }
    bars.add(FixtureBar.simple(EVT1_A_YES, "1m", minute(0), 0.41));
    bars.add(FixtureBar.simple(EVT1_A_YES, "1m", minute(1), 0.42));
    bars.add(FixtureBar.simple(EVT1_A_YES, "1m", minute(2), 0.43));
    bars.add(FixtureBar.simple(EVT1_A_NO, "1m", minute(0), 0.59));
    bars.add(FixtureBar.simple(EVT1_A_NO, "1m", minute(2), 0.57));
    bars.add(FixtureBar.simple(EVT1_B_YES, "1m", minute(1), 0.21));
    bars.add(FixtureBar.simple(EVT1_B_YES, "1m", minute(3), 0.22));
    bars.add(FixtureBar.simple(EVT1_A_YES, "5m", minute(0), 0.42));
    bars.add(FixtureBar.simple(EVT10_A_YES, "1m", minute(0), 0.11));
    bars.add(FixtureBar.simple(EVT_2_YES, "1m", minute(0), 0.31));
    bars.add(FixtureBar.simple(EVTX2_YES, "1m", minute(0), 0.32));
    return bars;
  }

  /** {@code n} minutes after 12:00 on the fixture day. */
  public static Instant minute(int n) {
    return NOON.plusSeconds(60L * n);
  }

  public static void insert(String jdbcUrl, String user, String password, List<FixtureBar> bars)
      throws SQLException {
    String sql =
        "INSERT INTO ohlc_bars (instrument, bar_interval, bucket_start, open, high, low, close,"
            + " volume, quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
            + " revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement insert = connection.prepareStatement(sql)) {
      for (FixtureBar bar : bars) {
        insert.setString(1, bar.instrument());
        insert.setString(2, bar.interval());
        insert.setObject(3, utc(bar.bucketStart()));
        insert.setDouble(4, bar.open());
        insert.setDouble(5, bar.high());
        insert.setDouble(6, bar.low());
        insert.setDouble(7, bar.close());
        insert.setDouble(8, bar.volume());
        insert.setDouble(9, bar.quoteVolume());
        insert.setLong(10, bar.tradeCount());
        insert.setDouble(11, bar.vwap());
        insert.setObject(12, utc(bar.firstTradeTime()));
        insert.setObject(13, utc(bar.lastTradeTime()));
        insert.setInt(14, bar.revision());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
