package org.marketflow.api.export;

import static org.marketflow.schemas.db.Tables.MARKET_STATISTICS;
import static org.marketflow.schemas.db.Tables.TRADES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketflow.api.common.MarketOfInstrument;
import org.marketflow.api.marketdata.ohlc.OhlcFixtures;
import org.marketflow.api.marketdata.ohlc.StoredOhlcBar;

/**
 * The rows the export tests read, on instruments no other test uses, and the rows each export is
 * expected to answer, in the columns' order. OHLC exports read {@link OhlcFixtures}, loaded by
 * {@code PostgresTestResource}.
 */
public final class ExportFixtures {

  /** 100,001 trades, one every 10 ms from {@link #BIG_START}: {@link #bigTrade(int)}. */
  public static final String BIG = "SIM:EXPBIG";

  public static final Instant BIG_START = Instant.parse("2024-09-01T00:00:00Z");
  public static final int BIG_COUNT = 100_001;

  /** A few trades with awkward values, on 2024-09-02. */
  public static final String SMALL = "SIM:EXPSMALL";

  public static final String EVENT = "exp-evt";
  public static final String EVENT_YES = "PARIFLOW:exp-evt:o-1:YES";
  public static final String EVENT_NO = "PARIFLOW:exp-evt:o-1:NO";

  /** Statistics rows (period 1h and one 24h) on 2024-09-03. */
  public static final String STATS = "SIM:EXPSTAT";

  public static final Instant DAY2 = Instant.parse("2024-09-02T00:00:00Z");
  public static final Instant DAY3 = Instant.parse("2024-09-03T00:00:00Z");

  /** One trade as stored. */
  public record Trade(
      String instrument,
      Instant exchangeTime,
      Instant receiveTime,
      String tradeId,
      Long sequence,
      double price,
      double size,
      String side,
      Boolean amm,
      String orderId) {

    /** The export's columns for this trade. */
    public List<Object> expected() {
      MarketOfInstrument ids = MarketOfInstrument.of(instrument);
      return nullable(
          instrument,
          ids.eventId(),
          ids.outcomeId(),
          ids.option(),
          tradeId,
          exchangeTime,
          receiveTime,
          sequence,
          side.toLowerCase(Locale.ROOT),
          price,
          size,
          price * size,
          amm,
          orderId);
    }
  }

  /** One statistics row as stored; the nullable columns are boxed. */
  public record Stat(
      String instrument,
      String period,
      Instant periodEnd,
      Instant periodStart,
      int barCount,
      double volume,
      double quoteVolume,
      long trades,
      double buyVolume,
      double sellVolume,
      Double open,
      Double high,
      Double low,
      Double close,
      Double vwap,
      Double volatility,
      Double annualizedVolatility,
      Double liquidityUsd,
      Instant liquidityBucketStart) {

    public List<Object> expected() {
      return nullable(
          instrument,
          null,
          null,
          null,
          period,
          periodStart,
          periodEnd,
          barCount,
          volume,
          quoteVolume,
          trades,
          buyVolume,
          sellVolume,
          open,
          high,
          low,
          close,
          vwap,
          volatility,
          annualizedVolatility,
          liquidityUsd,
          liquidityBucketStart);
    }
  }

  private ExportFixtures() {}

  /** The trade of {@link #BIG} with index {@code i}. */
  public static Trade bigTrade(int i) {
    return new Trade(
        BIG,
        BIG_START.plusMillis(10L * i),
        BIG_START.plusMillis(10L * i + 3),
        "t" + i,
        (long) i,
        100 + (i % 100) / 100.0,
        0.5 + i % 7,
        i % 2 == 0 ? "BUY" : "SELL",
        null,
        null);
  }

  /**
   * Trades of {@link #SMALL}: ids that a spreadsheet would run as formulas, CSV's special
   * characters, nulls, doubles that only survive unrounded.
   */
  public static List<Trade> smallTrades() {
    List<Trade> trades = new ArrayList<>();
    String[] ids = {
      "=HYPERLINK(\"http://evil\")",
      "+1+2",
      "-3",
      "@SUM(A1)",
      "\tTAB",
      "\rCR",
      "comma, \"quote\"\nnewline",
      "plain-1"
    };
    for (int i = 0; i < ids.length; i++) {
      trades.add(
          new Trade(
              SMALL,
              DAY2.plusSeconds(i).plusNanos(123_456_000L),
              DAY2.plusSeconds(i).plusNanos(200_000_000L),
              ids[i],
              i % 2 == 0 ? null : (long) i,
              61234.56 + i * 0.30000000000000004,
              0.1 + i,
              i % 3 == 0 ? "UNKNOWN" : i % 3 == 1 ? "BUY" : "SELL",
              null,
              i == 1 ? "=cmd|' /C calc'!A0" : null));
    }
    return trades;
  }

  /** Trades of the event {@link #EVENT}: one outcome, YES and NO, AMM and order-book trades. */
  public static List<Trade> eventTrades() {
    return List.of(
        new Trade(EVENT_YES, DAY2, DAY2.plusMillis(1), "e1", 1L, 0.41, 10, "BUY", true, null),
        new Trade(EVENT_NO, DAY2, DAY2.plusMillis(1), "e2", 2L, 0.59, 10, "SELL", false, "ord-7"),
        new Trade(
            EVENT_YES,
            DAY2.plusSeconds(1),
            DAY2.plusSeconds(1),
            "e3",
            3L,
            0.42,
            5,
            "SELL",
            false,
            "ord-8"));
  }

  /** Statistics of {@link #STATS}: three 1h rows (the second without prices) and one 24h row. */
  public static List<Stat> stats() {
    List<Stat> stats = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Instant end = DAY3.plusSeconds(60L * (i + 1));
      boolean empty = i == 1;
      stats.add(
          new Stat(
              STATS,
              "1h",
              end,
              end.minusSeconds(3600),
              empty ? 0 : 60 - i,
              empty ? 0 : 12.5 + i,
              empty ? 0 : 760_321.5 + i,
              empty ? 0 : 1650L + i,
              empty ? 0 : 7.25,
              empty ? 0 : 5.25 + i,
              empty ? null : 61000.0 + i,
              empty ? null : 61100.123456789,
              empty ? null : 60900.0,
              empty ? null : -0.5,
              empty ? null : 61010.0,
              empty ? null : 0.0003,
              empty ? null : 0.21749,
              i == 2 ? null : 2_453_000.0,
              i == 2 ? null : end.minusSeconds(60)));
    }
    stats.add(
        new Stat(
            STATS,
            "24h",
            DAY3.plusSeconds(60),
            DAY3.minusSeconds(86_340),
            1440,
            300,
            1.8e7,
            40000,
            150,
            150,
            60000.0,
            62000.0,
            59000.0,
            61000.0,
            60500.0,
            0.0004,
            0.29,
            2.4e6,
            null));
    return stats;
  }

  /** The OHLC fixture bars of event {@code evt-1} at 1m in [12:00, 12:04) on 2024-08-08. */
  public static List<List<Object>> expectedEvt1Bars() {
    return OhlcFixtures.all().stream()
        .filter(b -> b.instrument().startsWith("PARIFLOW:evt-1:") && b.interval().equals("1m"))
        .sorted(
            java.util.Comparator.comparing(StoredOhlcBar::bucketStart)
                .thenComparing(StoredOhlcBar::instrument))
        .map(ExportFixtures::expected)
        .toList();
  }

  static List<Object> expected(StoredOhlcBar b) {
    MarketOfInstrument ids = MarketOfInstrument.of(b.instrument());
    return nullable(
        b.instrument(),
        ids.eventId(),
        ids.outcomeId(),
        ids.option(),
        b.bucketStart(),
        b.interval(),
        b.open(),
        b.high(),
        b.low(),
        b.close(),
        b.volume(),
        b.quoteVolume(),
        b.tradeCount(),
        b.vwap(),
        b.firstTradeTime(),
        b.lastTradeTime(),
        b.revision());
  }

  /** Inserts every fixture (the big trades with one statement). */
  public static void insert(Connection connection) throws SQLException {
    List<Trade> trades = new ArrayList<>(smallTrades());
    trades.addAll(eventTrades());
    try (PreparedStatement s = connection.prepareStatement(TRADES.insertIfAbsent())) {
      for (Trade t : trades) {
        s.setString(TRADES.position("instrument"), t.instrument());
        s.setObject(TRADES.position("exchange_time"), utc(t.exchangeTime()));
        s.setObject(TRADES.position("receive_time"), utc(t.receiveTime()));
        s.setString(TRADES.position("trade_id"), t.tradeId());
        s.setObject(TRADES.position("sequence"), t.sequence(), Types.BIGINT);
        s.setDouble(TRADES.position("price"), t.price());
        s.setDouble(TRADES.position("size"), t.size());
        s.setString(TRADES.position("side"), t.side());
        s.setObject(TRADES.position("is_amm_trade"), t.amm(), Types.BOOLEAN);
        s.setString(TRADES.position("order_id"), t.orderId());
        s.addBatch();
      }
      s.executeBatch();
    }
    try (Statement s = connection.createStatement()) {
      // bigTrade(i), computed by PostgreSQL: 100,001 rows in one round trip.
      s.execute(
          "INSERT INTO trades (instrument, exchange_time, receive_time, trade_id, sequence, price,"
              + " size, side) SELECT '"
              + BIG
              + "', t0 + i * interval '10 milliseconds', t0 + (i * 10 + 3) * interval '1"
              + " millisecond', 't' || i, i, 100 + (i % 100) / 100.0, 0.5 + i % 7,"
              + " CASE WHEN i % 2 = 0 THEN 'BUY' ELSE 'SELL' END FROM generate_series(0, "
              + (BIG_COUNT - 1)
              + ") AS i, (SELECT timestamptz '"
              + BIG_START
              + "' AS t0) AS start");
    }
    try (PreparedStatement s = connection.prepareStatement(MARKET_STATISTICS.upsert(null))) {
      for (Stat st : stats()) {
        s.setString(MARKET_STATISTICS.position("instrument"), st.instrument());
        s.setString(MARKET_STATISTICS.position("period"), st.period());
        s.setObject(MARKET_STATISTICS.position("period_end"), utc(st.periodEnd()));
        s.setObject(MARKET_STATISTICS.position("period_start"), utc(st.periodStart()));
        s.setInt(MARKET_STATISTICS.position("bar_count"), st.barCount());
        s.setDouble(MARKET_STATISTICS.position("volume"), st.volume());
        s.setDouble(MARKET_STATISTICS.position("quote_volume"), st.quoteVolume());
        s.setLong(MARKET_STATISTICS.position("trade_count"), st.trades());
        s.setDouble(MARKET_STATISTICS.position("buy_volume"), st.buyVolume());
        s.setDouble(MARKET_STATISTICS.position("sell_volume"), st.sellVolume());
        s.setObject(MARKET_STATISTICS.position("open"), st.open(), Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("high"), st.high(), Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("low"), st.low(), Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("close"), st.close(), Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("vwap"), st.vwap(), Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("volatility"), st.volatility(), Types.DOUBLE);
        s.setObject(
            MARKET_STATISTICS.position("annualized_volatility"),
            st.annualizedVolatility(),
            Types.DOUBLE);
        s.setObject(MARKET_STATISTICS.position("liquidity_usd"), st.liquidityUsd(), Types.DOUBLE);
        s.setObject(
            MARKET_STATISTICS.position("liquidity_bucket_start"), utc(st.liquidityBucketStart()));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** {@link List#of} refuses nulls. */
  static List<Object> nullable(Object... values) {
    return java.util.Arrays.asList(values);
  }
}
