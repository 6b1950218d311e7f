package org.marketflow.jobs.ohlc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code ohlc_bars} back as comparable rows. */
public final class OhlcBarRows {

  /** One stored bar, times in epoch microseconds. */
  public record Row(
      String instrument,
      String interval,
      long bucketStartUs,
      double open,
      double high,
      double low,
      double close,
      double volume,
      double quoteVolume,
      long tradeCount,
      double vwap,
      long firstTradeTimeUs,
      long lastTradeTimeUs,
      int revision) {}

  private OhlcBarRows() {}

  public static List<Row> all(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT instrument, bar_interval, bucket_start, open, high, low, close, volume,"
                    + " quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
                    + " revision FROM ohlc_bars ORDER BY instrument, bar_interval, bucket_start")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString(1),
                rs.getString(2),
                micros(rs, 3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getDouble(9),
                rs.getLong(10),
                rs.getDouble(11),
                micros(rs, 12),
                micros(rs, 13),
                rs.getInt(14)));
      }
    }
    return rows;
  }

  private static long micros(ResultSet rs, int column) throws SQLException {
    var time = rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
  }
}
