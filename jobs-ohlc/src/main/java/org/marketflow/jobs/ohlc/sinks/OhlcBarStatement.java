package org.marketflow.jobs.ohlc.sinks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * The idempotent upsert of a bar into {@code ohlc_bars}: a replayed bar rewrites the same row, a
 * revision replaces the stored bar, and an older revision arriving after a newer one (a retried
 * batch, say) leaves the newer one in place.
 */
public final class OhlcBarStatement implements JdbcStatementBuilder<OhlcBar> {

  public static final String UPSERT =
      "INSERT INTO ohlc_bars (instrument, bar_interval, bucket_start, open, high, low, close,"
          + " volume, quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
          + " revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (instrument, bar_interval, bucket_start) DO UPDATE SET"
          + " open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,"
          + " close = EXCLUDED.close, volume = EXCLUDED.volume,"
          + " quote_volume = EXCLUDED.quote_volume, trade_count = EXCLUDED.trade_count,"
          + " vwap = EXCLUDED.vwap, first_trade_time = EXCLUDED.first_trade_time,"
          + " last_trade_time = EXCLUDED.last_trade_time, revision = EXCLUDED.revision"
          + " WHERE ohlc_bars.revision <= EXCLUDED.revision";

  @Override
  public void accept(PreparedStatement statement, OhlcBar bar) throws SQLException {
    statement.setString(1, bar.getInstrument());
    statement.setString(2, bar.getInterval());
    statement.setObject(3, utc(bar.getBucketStartUs()));
    statement.setDouble(4, bar.getOpen());
    statement.setDouble(5, bar.getHigh());
    statement.setDouble(6, bar.getLow());
    statement.setDouble(7, bar.getClose());
    statement.setDouble(8, bar.getVolume());
    statement.setDouble(9, bar.getQuoteVolume());
    statement.setLong(10, bar.getTradeCount());
    statement.setDouble(11, bar.getVwap());
    statement.setObject(12, utc(bar.getFirstTradeTimeUs()));
    statement.setObject(13, utc(bar.getLastTradeTimeUs()));
    statement.setInt(14, bar.getRevision());
  }

  /** Epoch microseconds as a {@code timestamptz} value, exactly (PostgreSQL keeps microseconds). */
  static OffsetDateTime utc(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    long nanos = Math.floorMod(epochMicros, 1_000_000L) * 1_000L;
    return Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC);
  }
}
