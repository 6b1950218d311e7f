package org.marketflow.api.marketdata.trades;

import static org.marketflow.schemas.db.Tables.TRADES;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.marketflow.api.common.Times;
import org.marketflow.api.persistence.Connections;
import org.marketflow.api.persistence.DataAccessException;
import org.marketflow.api.persistence.InstrumentSelector;

/**
 * Reads the trade archive {@code trades} (primary key {@code (instrument, exchange_time,
 * trade_id)}, daily partitions on {@code exchange_time}) with one prepared statement per shape.
 *
 * <p>One instrument is ordered by {@code (exchange_time, trade_id)}: the primary key's order after
 * its equality column, so PostgreSQL walks the key's index forwards (asc) or backwards (desc) on
 * the partitions of the time range, and stops after {@code LIMIT} rows without sorting. A cursor
 * adds the row comparison {@code (exchange_time, trade_id) > (?, ?)} (an index condition on the
 * same key) and a plain bound on {@code exchange_time} at the cursor's time, which prunes the
 * partitions already read. An event's instruments ({@code LIKE 'PARIFLOW:<eventId>:%'}) are ordered
 * by {@code (exchange_time, instrument, trade_id)}, which no index gives: their rows are pruned to
 * the time range and sorted.
 */
@ApplicationScoped
public class TradeRepository {

  static final String COLUMNS =
      "instrument, exchange_time, trade_id, price, size, side, is_amm_trade, order_id";

  private final DataSource dataSource;

  public TradeRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Up to {@code limit} trades of the query, in its order, after its cursor or offset.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public List<StoredTrade> find(TradesQuery query, int limit) {
    String sql = sql(query);
    Connection connection = Connections.open(dataSource);
    try (connection;
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, query, limit);
      List<StoredTrade> trades = new ArrayList<>(Math.min(limit, 1_001));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          trades.add(read(rs));
        }
      }
      return trades;
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot read " + TRADES.name() + " for " + query.market().selector(),
          e,
          DataAccessException.isConnectionFailure(e));
    }
  }

  /** The statement {@link #find} runs; visible for the query-plan test. */
  static String sql(TradesQuery query) {
    InstrumentSelector instruments = query.market().selector();
    boolean one = instruments.exact() != null;
    boolean desc = query.sort() == SortOrder.DESC;
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ");
    sql.append(TRADES.name()).append(" WHERE ").append(instruments.sqlCondition());
    if (query.startTime() != null) {
      sql.append(" AND exchange_time >= ?");
    }
    if (query.endTime() != null) {
      sql.append(" AND exchange_time < ?");
    }
    if (query.cursor() != null) {
      String after = desc ? "<" : ">";
      // The plain bound prunes partitions; the row comparison is the exact keyset condition.
      sql.append(" AND exchange_time ").append(after).append("= ?");
      sql.append(
          one ? " AND (exchange_time, trade_id) " : " AND (exchange_time, instrument, trade_id) ");
      sql.append(after).append(one ? " (?, ?)" : " (?, ?, ?)");
    }
    String direction = desc ? " DESC" : "";
    sql.append(" ORDER BY exchange_time").append(direction);
    if (!one) {
      sql.append(", instrument").append(direction);
    }
    sql.append(", trade_id").append(direction).append(" LIMIT ?");
    if (query.offset() > 0) {
      sql.append(" OFFSET ?");
    }
    return sql.toString();
  }

  /** Binds the parameters of {@link #sql}; visible for the query-plan test. */
  static void bind(PreparedStatement statement, TradesQuery query, int limit) throws SQLException {
    InstrumentSelector instruments = query.market().selector();
    int i = 1;
    statement.setString(i++, instruments.sqlParameter());
    if (query.startTime() != null) {
      statement.setObject(i++, Times.utc(query.startTime()));
    }
    if (query.endTime() != null) {
      statement.setObject(i++, Times.utc(query.endTime()));
    }
    TradeCursor cursor = query.cursor();
    if (cursor != null) {
      statement.setObject(i++, Times.utc(cursor.time()));
      statement.setObject(i++, Times.utc(cursor.time()));
      if (instruments.exact() == null) {
        statement.setString(i++, cursor.instrument());
      }
      statement.setString(i++, cursor.tradeId());
    }
    statement.setInt(i++, limit);
    if (query.offset() > 0) {
      statement.setInt(i, query.offset());
    }
  }

  private static StoredTrade read(ResultSet rs) throws SQLException {
    boolean amm = rs.getBoolean("is_amm_trade");
    Boolean ammTrade = rs.wasNull() ? null : amm;
    return new StoredTrade(
        rs.getString("instrument"),
        Times.instant(rs, "exchange_time"),
        rs.getString("trade_id"),
        rs.getDouble("price"),
        rs.getDouble("size"),
        rs.getString("side"),
        ammTrade,
        rs.getString("order_id"));
  }
}
