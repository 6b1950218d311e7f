package org.marketflow.api.marketdata.statistics;

import static org.marketflow.schemas.db.Tables.MARKET_STATISTICS_LATEST;

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
 * Reads {@code market_statistics_latest}, one row per instrument and period: by its primary key
 * {@code (instrument, period)} for one instrument, by {@code
 * idx_market_statistics_latest_instrument_prefix} for an event's instruments.
 */
@ApplicationScoped
public class MarketStatisticsRepository {

  /** At most this many rows: the instruments of one event (outcomes × 2 options). */
  static final int MAX_ROWS = 1_000;

  private final DataSource dataSource;

  public MarketStatisticsRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static String sql(InstrumentSelector instruments) {
    return MARKET_STATISTICS_LATEST.select()
        + " WHERE "
        + instruments.sqlCondition()
        + " AND period = ? ORDER BY instrument LIMIT "
        + MAX_ROWS;
  }

  /**
   * The latest statistics of {@code period} for the selected instruments, by instrument id.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public List<StoredStatistics> latest(InstrumentSelector instruments, String period) {
    Connection connection = Connections.open(dataSource);
    try (connection;
        PreparedStatement statement = connection.prepareStatement(sql(instruments))) {
      statement.setString(1, instruments.sqlParameter());
      statement.setString(2, period);
      List<StoredStatistics> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot read " + MARKET_STATISTICS_LATEST.name() + " for " + instruments,
          e,
          DataAccessException.isConnectionFailure(e));
    }
  }

  private static StoredStatistics read(ResultSet rs) throws SQLException {
    return new StoredStatistics(
        rs.getString("instrument"),
        rs.getString("period"),
        Times.micros(Times.instant(rs, "period_start")),
        Times.micros(Times.instant(rs, "period_end")),
        rs.getInt("bar_count"),
        rs.getDouble("volume"),
        rs.getDouble("quote_volume"),
        rs.getLong("trade_count"),
        rs.getDouble("buy_volume"),
        rs.getDouble("sell_volume"),
        nullable(rs, "open"),
        nullable(rs, "high"),
        nullable(rs, "low"),
        nullable(rs, "close"),
        nullable(rs, "vwap"),
        nullable(rs, "volatility"),
        nullable(rs, "annualized_volatility"),
        nullable(rs, "liquidity_usd"));
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
