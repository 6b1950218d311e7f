package org.marketflow.jobs.microstructure.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setDouble;
import static org.marketflow.schemas.db.Tables.MARKET_MICROSTRUCTURE;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a second's microstructure to the columns of {@link Tables#MARKET_MICROSTRUCTURE}, for the
 * upsert on (timestamp, asset_id).
 */
public final class MarketMicrostructureStatement
    implements JdbcStatementBuilder<MarketMicrostructure> {

  private static final int TIMESTAMP = MARKET_MICROSTRUCTURE.position("timestamp");
  private static final int ASSET_ID = MARKET_MICROSTRUCTURE.position("asset_id");
  private static final int SPREAD = MARKET_MICROSTRUCTURE.position("spread_bps");
  private static final int DEPTH_BID = MARKET_MICROSTRUCTURE.position("depth_bid");
  private static final int DEPTH_ASK = MARKET_MICROSTRUCTURE.position("depth_ask");
  private static final int IMBALANCE = MARKET_MICROSTRUCTURE.position("imbalance_ratio");
  private static final int TICK_FREQUENCY = MARKET_MICROSTRUCTURE.position("tick_frequency");
  private static final int MID = MARKET_MICROSTRUCTURE.position("mid_price");
  private static final int MICROPRICE = MARKET_MICROSTRUCTURE.position("microprice");
  private static final int QUOTED = MARKET_MICROSTRUCTURE.position("quoted_spread_bps");
  private static final int EFFECTIVE = MARKET_MICROSTRUCTURE.position("effective_spread_bps");
  private static final int REALIZED = MARKET_MICROSTRUCTURE.position("realized_spread_bps");
  private static final int HORIZON = MARKET_MICROSTRUCTURE.position("realized_spread_horizon_us");
  private static final int BAND = MARKET_MICROSTRUCTURE.position("depth_band_bps");
  private static final int BID_NOTIONAL = MARKET_MICROSTRUCTURE.position("depth_bid_notional");
  private static final int ASK_NOTIONAL = MARKET_MICROSTRUCTURE.position("depth_ask_notional");
  private static final int TOP_LEVELS = MARKET_MICROSTRUCTURE.position("depth_top_levels");
  private static final int BID_TOP = MARKET_MICROSTRUCTURE.position("depth_bid_top");
  private static final int ASK_TOP = MARKET_MICROSTRUCTURE.position("depth_ask_top");
  private static final int IMPACT_NOTIONAL =
      MARKET_MICROSTRUCTURE.position("price_impact_notional");
  private static final int IMPACT_BUY = MARKET_MICROSTRUCTURE.position("price_impact_buy_bps");
  private static final int IMPACT_SELL = MARKET_MICROSTRUCTURE.position("price_impact_sell_bps");
  private static final int TRADE_COUNT = MARKET_MICROSTRUCTURE.position("trade_count");
  private static final int VOLUME = MARKET_MICROSTRUCTURE.position("volume");

  @Override
  public void accept(PreparedStatement statement, MarketMicrostructure m) throws SQLException {
    statement.setObject(TIMESTAMP, utc(m.getBucketStartUs()));
    statement.setString(ASSET_ID, m.getInstrument());
    setDouble(statement, SPREAD, m.getSpreadBps());
    setDouble(statement, DEPTH_BID, m.getDepthBid());
    setDouble(statement, DEPTH_ASK, m.getDepthAsk());
    setDouble(statement, IMBALANCE, m.getImbalance());
    statement.setDouble(TICK_FREQUENCY, m.getTickFrequency());
    setDouble(statement, MID, m.getMidPrice());
    setDouble(statement, MICROPRICE, m.getMicroprice());
    setDouble(statement, QUOTED, m.getQuotedSpreadBps());
    setDouble(statement, EFFECTIVE, m.getEffectiveSpreadBps());
    setDouble(statement, REALIZED, m.getRealizedSpreadBps());
    statement.setLong(HORIZON, m.getRealizedSpreadHorizonUs());
    statement.setDouble(BAND, m.getDepthBandBps());
    setDouble(statement, BID_NOTIONAL, m.getDepthBidNotional());
    setDouble(statement, ASK_NOTIONAL, m.getDepthAskNotional());
    statement.setInt(TOP_LEVELS, m.getDepthTopLevels());
    statement.setDouble(BID_TOP, m.getDepthBidTop());
    statement.setDouble(ASK_TOP, m.getDepthAskTop());
    statement.setDouble(IMPACT_NOTIONAL, m.getPriceImpactNotional());
    setDouble(statement, IMPACT_BUY, m.getPriceImpactBuyBps());
    setDouble(statement, IMPACT_SELL, m.getPriceImpactSellBps());
    statement.setLong(TRADE_COUNT, m.getTradeCount());
    statement.setDouble(VOLUME, m.getVolume());
  }
}
