package org.marketflow.jobs.ohlc.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.micros;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.schemas.db.Tables;

/** Reads {@code trades} back as comparable rows, each with the partition that holds it. */
final class TradeRows {

  /** One archived trade, times in epoch microseconds. */
  record Row(
      String instrument,
      long exchangeTimeUs,
      long receiveTimeUs,
      String tradeId,
      Long sequence,
      double price,
      double size,
      String side,
      Boolean isAmmTrade,
      String orderId,
      String partition) {}

  private TradeRows() {}

  static List<Row> all(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                Tables.TRADES.select().replace(" FROM ", ", tableoid::regclass::text FROM ")
                    + " ORDER BY instrument, exchange_time, trade_id")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString("instrument"),
                time(rs, "exchange_time"),
                time(rs, "receive_time"),
                rs.getString("trade_id"),
                rs.getObject("sequence", Long.class),
                rs.getDouble("price"),
                rs.getDouble("size"),
                rs.getString("side"),
                rs.getObject("is_amm_trade", Boolean.class),
                rs.getString("order_id"),
                rs.getString("tableoid")));
      }
    }
    return rows;
  }

  private static long time(ResultSet rs, String column) throws SQLException {
    return micros(rs.getObject(column, OffsetDateTime.class));
  }
}
