package org.marketflow.api.marketdata.trades;

import static org.marketflow.schemas.db.Tables.TRADES;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.api.common.Times;

/**
 * The archived trades the endpoint tests query, all on 2024-08-08 (UTC, the DEFAULT partition). A
 * fixture is a {@link StoredTrade}: the row as inserted and as the tests expect it back.
 */
public final class TradeFixtures {

  public static final String BTC = "BINANCE:BTCUSDT";

  /** BTC trades: one every 10 s from 10:00:00, {@link #BTC_SINGLES} of them ... */
  public static final Instant BTC_FIRST = Instant.parse("2024-08-08T10:00:00Z");

  public static final int BTC_SINGLES = 20;

  /** ... and {@link #BTC_TIES} more at the time of the 8th, told apart by their trade ids. */
  public static final int BTC_TIES = 5;

  public static final Instant BTC_TIE_TIME = BTC_FIRST.plusSeconds(70);

  /** A trade with every optional column empty: side unknown, no AMM flag, no order id. */
  public static final StoredTrade BTC_BARE =
      new StoredTrade(
          BTC, BTC_FIRST.plusSeconds(30), "b-03", 61000.3, 0.003, "UNKNOWN", null, null);

  /** A prediction-market trade with every column: an AMM fill of an order. */
  public static final StoredTrade EVT1_A_YES_FIRST =
      new StoredTrade(
          "PARIFLOW:evt-1:out-a:YES",
          Instant.parse("2024-08-08T12:00:00.123456Z"),
          "p-1",
          0.42,
          150.0,
          "BUY",
          true,
          "ord-77");

  private TradeFixtures() {}

  public static List<StoredTrade> all() {
    List<StoredTrade> trades = new ArrayList<>();
    for (int i = 0; i < BTC_SINGLES; i++) {
      if (i == 3) {
        trades.add(BTC_BARE);
        continue;
      }
      trades.add(
          new StoredTrade(
              BTC,
              BTC_FIRST.plusSeconds(10L * i),
              String.format("b-%02d", i),
              61000 + i / 10.0,
              0.001 * (i + 1),
              i % 2 == 0 ? "BUY" : "SELL",
              false,
              "o-" + i));
    }
    for (int i = 1; i <= BTC_TIES; i++) {
      trades.add(
          new StoredTrade(BTC, BTC_TIE_TIME, "b-07-" + i, 61000.7, 0.01 * i, "SELL", false, null));
    }
    trades.add(EVT1_A_YES_FIRST);
    Instant noon = Instant.parse("2024-08-08T12:00:00Z");
    trades.add(trade("PARIFLOW:evt-1:out-a:NO", noon.plusSeconds(1), "p-2", 0.58));
    trades.add(trade("PARIFLOW:evt-1:out-b:YES", noon.plusSeconds(1), "p-3", 0.21));
    trades.add(trade("PARIFLOW:evt-1:out-a:YES", noon.plusSeconds(2), "p-4", 0.43));
    trades.add(trade("PARIFLOW:evt-10:out-a:YES", noon.plusSeconds(1), "p-5", 0.11));
    return trades;
  }

  private static StoredTrade trade(String instrument, Instant time, String id, double price) {
    return new StoredTrade(instrument, time, id, price, 10.0, "SELL", false, null);
  }

  /** Writes {@code trades} with the archive's own insert, each value at its column's position. */
  public static void insert(String jdbcUrl, String user, String password, List<StoredTrade> trades)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement insert = connection.prepareStatement(TRADES.insertIfAbsent())) {
      for (StoredTrade trade : trades) {
        insert.setString(TRADES.position("instrument"), trade.instrument());
        insert.setObject(TRADES.position("exchange_time"), Times.utc(trade.exchangeTime()));
        insert.setObject(
            TRADES.position("receive_time"), Times.utc(trade.exchangeTime().plusMillis(5)));
        insert.setString(TRADES.position("trade_id"), trade.tradeId());
        insert.setNull(TRADES.position("sequence"), Types.BIGINT);
        insert.setDouble(TRADES.position("price"), trade.price());
        insert.setDouble(TRADES.position("size"), trade.size());
        insert.setString(TRADES.position("side"), trade.side());
        insert.setObject(TRADES.position("is_amm_trade"), trade.ammTrade(), Types.BOOLEAN);
        insert.setString(TRADES.position("order_id"), trade.orderId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
