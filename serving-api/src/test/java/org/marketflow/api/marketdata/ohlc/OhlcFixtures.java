package org.marketflow.api.marketdata.ohlc;

import static org.marketflow.schemas.db.Tables.OHLC_BARS;

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
 * DEFAULT partition of {@code ohlc_bars}, and the "latest" queries see them as the newest bars. A
 * fixture is a {@link StoredOhlcBar}: its values are the row as inserted and as the tests expect it
 * back.
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
  public static final StoredOhlcBar BTC_2355 =
      new StoredOhlcBar(
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

  public static List<StoredOhlcBar> all() {
    List<StoredOhlcBar> bars = new ArrayList<>();
    for (int i = 0; i < BTC_MINUTES; i++) {
      Instant start = BTC_FIRST.plusSeconds(60L * i);
      bars.add(
          start.equals(BTC_2355.bucketStart()) ? BTC_2355 : plainBar(BTC, "1m", start, 61000 + i));
    }
    bars.add(plainBar(BTC, "5m", BTC_FIRST, 60900));
    bars.add(plainBar(BTC, "5m", BTC_FIRST.plusSeconds(300), 60950));
    for (int i = 0; i < 3; i++) {
      bars.add(plainBar(ETH, "1m", BTC_FIRST.plusSeconds(60L * i), 2600 + i));
    }
    bars.add(plainBar(EVT1_A_YES, "1m", minute(0), 0.41));
    bars.add(plainBar(EVT1_A_YES, "1m", minute(1), 0.42));
    bars.add(plainBar(EVT1_A_YES, "1m", minute(2), 0.43));
    bars.add(plainBar(EVT1_A_NO, "1m", minute(0), 0.59));
    bars.add(plainBar(EVT1_A_NO, "1m", minute(2), 0.57));
    bars.add(plainBar(EVT1_B_YES, "1m", minute(1), 0.21));
    bars.add(plainBar(EVT1_B_YES, "1m", minute(3), 0.22));
    bars.add(plainBar(EVT1_A_YES, "5m", minute(0), 0.42));
    bars.add(plainBar(EVT10_A_YES, "1m", minute(0), 0.11));
    bars.add(plainBar(EVT_2_YES, "1m", minute(0), 0.31));
    bars.add(plainBar(EVTX2_YES, "1m", minute(0), 0.32));
    return bars;
  }

  /** A plain bar whose prices derive from {@code seed}, traded over the bucket's first second. */
  public static StoredOhlcBar plainBar(
      String instrument, String interval, Instant start, double seed) {
    return new StoredOhlcBar(
        instrument,
        interval,
        start,
        seed,
        seed + 2,
        seed - 1,
        seed + 1,
        3.5,
        3.5 * seed,
        7,
        seed + 0.5,
        start.plusMillis(100),
        start.plusMillis(900),
        0);
  }

  /** {@code n} minutes after 12:00 on the fixture day. */
  public static Instant minute(int n) {
    return NOON.plusSeconds(60L * n);
  }

  /** Writes {@code bars} with the table's own upsert, each value bound at its column's position. */
  public static void insert(String jdbcUrl, String user, String password, List<StoredOhlcBar> bars)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement insert = connection.prepareStatement(OHLC_BARS.upsert(null))) {
      for (StoredOhlcBar bar : bars) {
        insert.setString(OHLC_BARS.position("instrument"), bar.instrument());
        insert.setString(OHLC_BARS.position("bar_interval"), bar.interval());
        insert.setObject(OHLC_BARS.position("bucket_start"), utc(bar.bucketStart()));
        insert.setDouble(OHLC_BARS.position("open"), bar.open());
        insert.setDouble(OHLC_BARS.position("high"), bar.high());
        insert.setDouble(OHLC_BARS.position("low"), bar.low());
        insert.setDouble(OHLC_BARS.position("close"), bar.close());
        insert.setDouble(OHLC_BARS.position("volume"), bar.volume());
        insert.setDouble(OHLC_BARS.position("quote_volume"), bar.quoteVolume());
        insert.setLong(OHLC_BARS.position("trade_count"), bar.tradeCount());
        insert.setDouble(OHLC_BARS.position("vwap"), bar.vwap());
        insert.setObject(OHLC_BARS.position("first_trade_time"), utc(bar.firstTradeTime()));
        insert.setObject(OHLC_BARS.position("last_trade_time"), utc(bar.lastTradeTime()));
        insert.setInt(OHLC_BARS.position("revision"), bar.revision());
        // The side split and the final flag are not served yet: a final bar of buys.
        insert.setDouble(OHLC_BARS.position("buy_volume"), bar.volume());
        insert.setDouble(OHLC_BARS.position("sell_volume"), 0.0);
        insert.setLong(OHLC_BARS.position("buy_trade_count"), bar.tradeCount());
        insert.setLong(OHLC_BARS.position("sell_trade_count"), 0L);
        insert.setBoolean(OHLC_BARS.position("is_final"), true);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
