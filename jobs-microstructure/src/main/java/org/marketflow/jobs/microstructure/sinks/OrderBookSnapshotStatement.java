package org.marketflow.jobs.microstructure.sinks;

import static org.marketflow.jobs.common.jdbc.SqlTimes.utc;
import static org.marketflow.jobs.microstructure.sinks.SqlParams.setLong;
import static org.marketflow.schemas.db.Tables.ORDER_BOOK_SNAPSHOTS;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.db.Tables;

/**
 * Binds a snapshot to the columns of {@link Tables#ORDER_BOOK_SNAPSHOTS}, for the upsert on
 * (asset_id, timestamp, reason). Each side's levels become parallel arrays, best first; a side's
 * order-count array is {@code NULL} when none of its levels has a count.
 */
public final class OrderBookSnapshotStatement implements JdbcStatementBuilder<OrderBookSnapshot> {

  private static final int TIMESTAMP = ORDER_BOOK_SNAPSHOTS.position("timestamp");
  private static final int ASSET_ID = ORDER_BOOK_SNAPSHOTS.position("asset_id");
  private static final int REASON = ORDER_BOOK_SNAPSHOTS.position("reason");
  private static final int LAST_UPDATE_TIME = ORDER_BOOK_SNAPSHOTS.position("last_update_time");
  private static final int SEQUENCE = ORDER_BOOK_SNAPSHOTS.position("sequence_number");
  private static final int DEPTH_LEVELS = ORDER_BOOK_SNAPSHOTS.position("depth_levels");
  private static final int BOOK_BID_LEVELS = ORDER_BOOK_SNAPSHOTS.position("book_bid_levels");
  private static final int BOOK_ASK_LEVELS = ORDER_BOOK_SNAPSHOTS.position("book_ask_levels");
  private static final int BID_PRICES = ORDER_BOOK_SNAPSHOTS.position("bid_prices");
  private static final int BID_SIZES = ORDER_BOOK_SNAPSHOTS.position("bid_sizes");
  private static final int BID_ORDER_COUNTS = ORDER_BOOK_SNAPSHOTS.position("bid_order_counts");
  private static final int ASK_PRICES = ORDER_BOOK_SNAPSHOTS.position("ask_prices");
  private static final int ASK_SIZES = ORDER_BOOK_SNAPSHOTS.position("ask_sizes");
  private static final int ASK_ORDER_COUNTS = ORDER_BOOK_SNAPSHOTS.position("ask_order_counts");
  private static final int CHECKSUM = ORDER_BOOK_SNAPSHOTS.position("checksum");

  @Override
  public void accept(PreparedStatement statement, OrderBookSnapshot snapshot) throws SQLException {
    statement.setObject(TIMESTAMP, utc(snapshot.getSnapshotTimeUs()));
    statement.setString(ASSET_ID, snapshot.getInstrument());
    statement.setString(REASON, snapshot.getReason().name());
    statement.setObject(LAST_UPDATE_TIME, utc(snapshot.getLastUpdateTimeUs()));
    setLong(statement, SEQUENCE, snapshot.getLastSequence());
    statement.setInt(DEPTH_LEVELS, snapshot.getDepthLevels());
    statement.setInt(BOOK_BID_LEVELS, snapshot.getBookBidLevels());
    statement.setInt(BOOK_ASK_LEVELS, snapshot.getBookAskLevels());
    side(statement, snapshot.getBids(), BID_PRICES, BID_SIZES, BID_ORDER_COUNTS);
    side(statement, snapshot.getAsks(), ASK_PRICES, ASK_SIZES, ASK_ORDER_COUNTS);
    statement.setLong(CHECKSUM, snapshot.getChecksum());
  }

  private static void side(
      PreparedStatement statement, List<BookLevel> levels, int prices, int sizes, int orderCounts)
      throws SQLException {
    Double[] priceArray = new Double[levels.size()];
    Double[] sizeArray = new Double[levels.size()];
    Integer[] countArray = new Integer[levels.size()];
    boolean anyCount = false;
    for (int i = 0; i < levels.size(); i++) {
      BookLevel level = levels.get(i);
      priceArray[i] = level.getPrice();
      sizeArray[i] = level.getSize();
      countArray[i] = level.getOrderCount();
      anyCount |= countArray[i] != null;
    }
    statement.setArray(prices, statement.getConnection().createArrayOf("float8", priceArray));
    statement.setArray(sizes, statement.getConnection().createArrayOf("float8", sizeArray));
    if (anyCount) {
      statement.setArray(orderCounts, statement.getConnection().createArrayOf("int4", countArray));
    } else {
      statement.setNull(orderCounts, Types.ARRAY);
    }
  }
}
