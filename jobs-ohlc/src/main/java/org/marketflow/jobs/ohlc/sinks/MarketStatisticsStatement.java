package org.marketflow.jobs.ohlc.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.MARKET_STATISTICS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a period's statistics to the columns of {@link Tables#MARKET_STATISTICS} and of {@link
 * Tables#MARKET_STATISTICS_LATEST} (the same columns in the same order). A row is never revised: a
 * replay or a restart rewrites the same values on the history's key, and the latest table takes a
 * row only under {@link #LATER_PERIOD_END}.
 */
public final class MarketStatisticsStatement implements JdbcStatementBuilder<MarketStatistics> {

  /** The guard of the latest table: an older period end never replaces a newer one. */
  public static final String LATER_PERIOD_END =
      Tables.MARKET_STATISTICS_LATEST.name() + ".period_end <= EXCLUDED.period_end";

  private static final int INSTRUMENT = MARKET_STATISTICS.position("instrument");
  private static final int PERIOD = MARKET_STATISTICS.position("period");
  private static final int PERIOD_END = MARKET_STATISTICS.position("period_end");
  private static final int PERIOD_START = MARKET_STATISTICS.position("period_start");
  private static final int BAR_COUNT = MARKET_STATISTICS.position("bar_count");
  private static final int VOLUME = MARKET_STATISTICS.position("volume");
  private static final int QUOTE_VOLUME = MARKET_STATISTICS.position("quote_volume");
  private static final int TRADE_COUNT = MARKET_STATISTICS.position("trade_count");
  private static final int BUY_VOLUME = MARKET_STATISTICS.position("buy_volume");
  private static final int SELL_VOLUME = MARKET_STATISTICS.position("sell_volume");
  private static final int OPEN = MARKET_STATISTICS.position("open");
  private static final int HIGH = MARKET_STATISTICS.position("high");
  private static final int LOW = MARKET_STATISTICS.position("low");
  private static final int CLOSE = MARKET_STATISTICS.position("close");
  private static final int VWAP = MARKET_STATISTICS.position("vwap");
  private static final int VOLATILITY = MARKET_STATISTICS.position("volatility");
  private static final int ANNUALIZED = MARKET_STATISTICS.position("annualized_volatility");
  private static final int LIQUIDITY = MARKET_STATISTICS.position("liquidity_usd");
  private static final int LIQUIDITY_START = MARKET_STATISTICS.position("liquidity_bucket_start");

  @Override
  public void accept(PreparedStatement statement, MarketStatistics s) throws SQLException {
    statement.setString(INSTRUMENT, s.getInstrument());
    statement.setString(PERIOD, s.getPeriod());
    statement.setObject(PERIOD_END, utc(s.getPeriodEndUs()));
    statement.setObject(PERIOD_START, utc(s.getPeriodStartUs()));
    statement.setInt(BAR_COUNT, s.getBarCount());
    statement.setDouble(VOLUME, s.getVolume());
    statement.setDouble(QUOTE_VOLUME, s.getQuoteVolume());
    statement.setLong(TRADE_COUNT, s.getTrades());
    statement.setDouble(BUY_VOLUME, s.getBuyVolume());
    statement.setDouble(SELL_VOLUME, s.getSellVolume());
    setDouble(statement, OPEN, s.getOpen());
    setDouble(statement, HIGH, s.getHigh());
    setDouble(statement, LOW, s.getLow());
    setDouble(statement, CLOSE, s.getClose());
    setDouble(statement, VWAP, s.getVwap());
    setDouble(statement, VOLATILITY, s.getVolatility());
    setDouble(statement, ANNUALIZED, s.getAnnualizedVolatility());
    setDouble(statement, LIQUIDITY, s.getLiquidityUsd());
    Long liquidityStart = s.getLiquidityBucketStartUs();
    if (liquidityStart == null) {
      statement.setNull(LIQUIDITY_START, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(LIQUIDITY_START, utc(liquidityStart));
    }
  }

  private static void setDouble(PreparedStatement statement, int position, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(position, Types.DOUBLE);
    } else {
      statement.setDouble(position, value);
    }
  }
}
