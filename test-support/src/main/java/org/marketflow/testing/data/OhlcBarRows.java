package org.marketflow.testing.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.schemas.db.Tables;

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
      int revision,
      double buyVolume,
      double sellVolume,
      long buyTradeCount,
      long sellTradeCount,
      boolean isFinal) {

    /** The same bar with another revision: for comparing bars revisions aside. */
    public Row withRevision(int other) {
      return new Row(
          instrument,
          interval,
          bucketStartUs,
          open,
          high,
          low,
          close,
          volume,
          quoteVolume,
          tradeCount,
          vwap,
          firstTradeTimeUs,
          lastTradeTimeUs,
          other,
          buyVolume,
          sellVolume,
          buyTradeCount,
          sellTradeCount,
          isFinal);
    }
  }

  private OhlcBarRows() {}

  public static List<Row> all(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                Tables.OHLC_BARS.select() + " ORDER BY instrument, bar_interval, bucket_start")) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getString("instrument"),
                rs.getString("bar_interval"),
                time(rs, "bucket_start"),
                rs.getDouble("open"),
                rs.getDouble("high"),
                rs.getDouble("low"),
                rs.getDouble("close"),
                rs.getDouble("volume"),
                rs.getDouble("quote_volume"),
                rs.getLong("trade_count"),
                rs.getDouble("vwap"),
                time(rs, "first_trade_time"),
                time(rs, "last_trade_time"),
                rs.getInt("revision"),
                rs.getDouble("buy_volume"),
                rs.getDouble("sell_volume"),
                rs.getLong("buy_trade_count"),
                rs.getLong("sell_trade_count"),
                rs.getBoolean("is_final")));
      }
    }
    return rows;
  }

  private static long time(ResultSet rs, String column) throws SQLException {
    Instant time = rs.getObject(column, OffsetDateTime.class).toInstant();
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
  }
}
