package org.marketflow.jobs.ohlc.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.schemas.db.Tables.TRADES;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a trade to the columns of {@link Tables#TRADES}, in their order, for the insert that leaves
 * a stored trade as it is ({@code ON CONFLICT DO NOTHING}): a replayed trade has the key it had
 * ({@link TradeArchiveIds}) and writes nothing. Times are epoch microseconds as {@code
 * timestamptz}; the side is {@code BUY}, {@code SELL} or {@code UNKNOWN}.
 */
public final class TradeArchiveStatement implements JdbcStatementBuilder<Trade> {

  private static final int INSTRUMENT = TRADES.position("instrument");
  private static final int EXCHANGE_TIME = TRADES.position("exchange_time");
  private static final int RECEIVE_TIME = TRADES.position("receive_time");
  private static final int TRADE_ID = TRADES.position("trade_id");
  private static final int SEQUENCE = TRADES.position("sequence");
  private static final int PRICE = TRADES.position("price");
  private static final int SIZE = TRADES.position("size");
  private static final int SIDE = TRADES.position("side");
  private static final int IS_AMM_TRADE = TRADES.position("is_amm_trade");
  private static final int ORDER_ID = TRADES.position("order_id");

  @Override
  public void accept(PreparedStatement statement, Trade trade) throws SQLException {
    statement.setString(INSTRUMENT, trade.getInstrument());
    statement.setObject(EXCHANGE_TIME, utc(trade.getExchangeTimeUs()));
    statement.setObject(RECEIVE_TIME, utc(trade.getReceiveTimeUs()));
    statement.setString(TRADE_ID, TradeArchiveIds.of(trade));
    statement.setObject(SEQUENCE, trade.getSequence(), Types.BIGINT);
    statement.setDouble(PRICE, trade.getPrice());
    statement.setDouble(SIZE, trade.getSize());
    statement.setString(SIDE, trade.getSide().name());
    statement.setObject(IS_AMM_TRADE, trade.getIsAmmTrade(), Types.BOOLEAN);
    statement.setString(ORDER_ID, trade.getOrderId());
  }
}
