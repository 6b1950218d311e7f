package org.marketflow.jobs.ohlc.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.OHLC_BARS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a bar to the columns of {@link Tables#OHLC_BARS}, in their order, for the upsert guarded by
 * {@link #NEWER_REVISION}: a replayed bar rewrites the same row, a revision replaces the stored
 * bar, and an older revision arriving after a newer one (a retried batch, say) leaves the newer one
 * in place.
 */
public final class OhlcBarStatement implements JdbcStatementBuilder<OhlcBar> {

  public static final String NEWER_REVISION = "ohlc_bars.revision <= EXCLUDED.revision";

  private static final int INSTRUMENT = OHLC_BARS.position("instrument");
  private static final int INTERVAL = OHLC_BARS.position("bar_interval");
  private static final int BUCKET_START = OHLC_BARS.position("bucket_start");
  private static final int OPEN = OHLC_BARS.position("open");
  private static final int HIGH = OHLC_BARS.position("high");
  private static final int LOW = OHLC_BARS.position("low");
  private static final int CLOSE = OHLC_BARS.position("close");
  private static final int VOLUME = OHLC_BARS.position("volume");
  private static final int QUOTE_VOLUME = OHLC_BARS.position("quote_volume");
  private static final int TRADE_COUNT = OHLC_BARS.position("trade_count");
  private static final int VWAP = OHLC_BARS.position("vwap");
  private static final int FIRST_TRADE_TIME = OHLC_BARS.position("first_trade_time");
  private static final int LAST_TRADE_TIME = OHLC_BARS.position("last_trade_time");
  private static final int REVISION = OHLC_BARS.position("revision");
  private static final int BUY_VOLUME = OHLC_BARS.position("buy_volume");
  private static final int SELL_VOLUME = OHLC_BARS.position("sell_volume");
  private static final int BUY_TRADE_COUNT = OHLC_BARS.position("buy_trade_count");
  private static final int SELL_TRADE_COUNT = OHLC_BARS.position("sell_trade_count");
  private static final int IS_FINAL = OHLC_BARS.position("is_final");

  @Override
  public void accept(PreparedStatement statement, OhlcBar bar) throws SQLException {
    statement.setString(INSTRUMENT, bar.getInstrument());
    statement.setString(INTERVAL, bar.getInterval());
    statement.setObject(BUCKET_START, utc(bar.getBucketStartUs()));
    statement.setDouble(OPEN, bar.getOpen());
    statement.setDouble(HIGH, bar.getHigh());
    statement.setDouble(LOW, bar.getLow());
    statement.setDouble(CLOSE, bar.getClose());
    statement.setDouble(VOLUME, bar.getVolume());
    statement.setDouble(QUOTE_VOLUME, bar.getQuoteVolume());
    statement.setLong(TRADE_COUNT, bar.getTradeCount());
    statement.setDouble(VWAP, bar.getVwap());
    statement.setObject(FIRST_TRADE_TIME, utc(bar.getFirstTradeTimeUs()));
    statement.setObject(LAST_TRADE_TIME, utc(bar.getLastTradeTimeUs()));
    statement.setInt(REVISION, bar.getRevision());
    statement.setDouble(BUY_VOLUME, bar.getBuyVolume());
    statement.setDouble(SELL_VOLUME, bar.getSellVolume());
    statement.setLong(BUY_TRADE_COUNT, bar.getBuyTradeCount());
    statement.setLong(SELL_TRADE_COUNT, bar.getSellTradeCount());
    statement.setBoolean(IS_FINAL, bar.getIsFinal());
  }
}
