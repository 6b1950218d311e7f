package org.marketflow.api.marketdata.orderbook;

import static org.marketflow.schemas.db.Tables.ORDER_BOOK_SNAPSHOTS;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.marketflow.api.common.Times;
import org.marketflow.api.persistence.Connections;
import org.marketflow.api.persistence.DataAccessException;

/**
 * The latest row of {@code order_book_snapshots} for an instrument, the order book's store when
 * Redis is away. The primary key {@code (asset_id, timestamp, reason)} serves it as one backward
 * index scan on the partition of the day.
 */
@ApplicationScoped
public class OrderBookSnapshotRepository {

  static final String LATEST =
      "SELECT asset_id, timestamp, book_bid_levels, book_ask_levels, bid_prices, bid_sizes,"
          + " bid_order_counts, ask_prices, ask_sizes, ask_order_counts FROM "
          + ORDER_BOOK_SNAPSHOTS.name()
          + " WHERE asset_id = ? AND timestamp >= ? ORDER BY timestamp DESC LIMIT 1";

  private final DataSource dataSource;

  public OrderBookSnapshotRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The latest snapshot of {@code instrument} at or after {@code since}, or {@code null}.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public BookSnapshot latest(String instrument, Instant since) {
    Connection connection = Connections.open(dataSource);
    try (connection;
        PreparedStatement statement = connection.prepareStatement(LATEST)) {
      statement.setString(1, instrument);
      statement.setObject(2, Times.utc(since));
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new BookSnapshot(
            rs.getString("asset_id"),
            Times.micros(Times.instant(rs, "timestamp")),
            rs.getInt("book_bid_levels"),
            rs.getInt("book_ask_levels"),
            levels(rs, "bid_"),
            levels(rs, "ask_"));
      }
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot read " + ORDER_BOOK_SNAPSHOTS.name() + " for " + instrument,
          e,
          DataAccessException.isConnectionFailure(e));
    }
  }

  /** One side from its parallel arrays; the order-count array is NULL when no level has one. */
  private static List<BookSnapshot.Level> levels(ResultSet rs, String side) throws SQLException {
    Object[] prices = array(rs, side + "prices");
    Object[] sizes = array(rs, side + "sizes");
    Object[] counts = array(rs, side + "order_counts");
    List<BookSnapshot.Level> levels = new ArrayList<>(prices.length);
    for (int i = 0; i < prices.length; i++) {
      Integer count = counts.length > i ? (Integer) counts[i] : null;
      levels.add(
          new BookSnapshot.Level(
              ((Number) prices[i]).doubleValue(), ((Number) sizes[i]).doubleValue(), count));
    }
    return levels;
  }

  private static Object[] array(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }
}
