package org.marketflow.jobs.microstructure.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setDouble;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setLong;
import static org.marketflow.schemas.db.Tables.MARKET_TICKS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a tick to the columns of {@link Tables#MARKET_TICKS}, for the upsert on (asset_id,
 * timestamp, tick_index): a replayed tick rewrites its row with the same values.
 */
public final class MarketTickStatement implements JdbcStatementBuilder<MarketTick> {

  private static final int TIMESTAMP = MARKET_TICKS.position("timestamp");
  private static final int ASSET_ID = MARKET_TICKS.position("asset_id");
  private static final int BID = MARKET_TICKS.position("bid");
  private static final int ASK = MARKET_TICKS.position("ask");
  private static final int LAST_PRICE = MARKET_TICKS.position("last_price");
  private static final int VOLUME = MARKET_TICKS.position("volume");
  private static final int SEQUENCE = MARKET_TICKS.position("sequence_number");
  private static final int LATENCY = MARKET_TICKS.position("latency_us");
  private static final int EXCHANGE = MARKET_TICKS.position("exchange");
  private static final int TICK_INDEX = MARKET_TICKS.position("tick_index");
  private static final int TICK_SOURCE = MARKET_TICKS.position("tick_source");
  private static final int BID_SIZE = MARKET_TICKS.position("bid_size");
  private static final int ASK_SIZE = MARKET_TICKS.position("ask_size");
  private static final int LAST_SIZE = MARKET_TICKS.position("last_size");

  @Override
  public void accept(PreparedStatement statement, MarketTick tick) throws SQLException {
    statement.setObject(TIMESTAMP, utc(tick.getExchangeTimeUs()));
    statement.setString(ASSET_ID, tick.getInstrument());
    setDouble(statement, BID, tick.getBid());
    setDouble(statement, ASK, tick.getAsk());
    setDouble(statement, LAST_PRICE, tick.getLastPrice());
    statement.setDouble(VOLUME, tick.getVolume());
    setLong(statement, SEQUENCE, tick.getSequence());
    statement.setLong(LATENCY, tick.getLatencyUs());
    statement.setString(EXCHANGE, tick.getVenue());
    statement.setInt(TICK_INDEX, tick.getTickIndex());
    statement.setString(TICK_SOURCE, tick.getSource().name());
    setDouble(statement, BID_SIZE, tick.getBidSize());
    setDouble(statement, ASK_SIZE, tick.getAskSize());
    setDouble(statement, LAST_SIZE, tick.getLastSize());
  }
}
