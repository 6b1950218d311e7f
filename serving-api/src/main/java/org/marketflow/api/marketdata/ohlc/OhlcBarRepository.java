package org.marketflow.api.marketdata.ohlc;

import static org.marketflow.schemas.db.Tables.OHLC_BARS;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.marketflow.api.common.Times;
import org.marketflow.api.persistence.Connections;
import org.marketflow.api.persistence.DataAccessException;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.bars.BarInterval;

/**
 * Reads {@code ohlc_bars} with plain JDBC. Every query is bounded by the primary key's leading
 * columns (instrument, bar_interval) and a {@code bucket_start} range, ordered by {@code
 * bucket_start} and limited, so PostgreSQL prunes partitions and walks the primary-key index of
 * each remaining partition (a Merge Append of index scans) instead of sorting the table.
 *
 * <p>An event selection ({@code instrument LIKE 'PARIFLOW:<eventId>:%'}) is pruned to the
 * partitions of its time range too; under a collation other than {@code C} the primary key cannot
 * serve a {@code LIKE} prefix, so the schema adds {@code idx_ohlc_bars_instrument_prefix} on {@code
 * (instrument varchar_pattern_ops, bar_interval, bucket_start)} for it.
 *
 * <p>The columns read are those of {@link org.marketflow.schemas.db.Tables#OHLC_BARS}, the table's
 * one description in {@code schemas}.
 */
@ApplicationScoped
public class OhlcBarRepository {

  private final DataSource dataSource;

  public OhlcBarRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Bars of {@code interval} for the selected instruments, in ascending {@code (bucket_start,
   * instrument)} order. With {@code from}, the first {@code limit} bars starting at or after it;
   * without, the latest {@code limit} bars. {@code to} (exclusive) bounds both; it is required for
   * the latest bars so that "latest" is relative to a fixed instant.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public List<StoredOhlcBar> find(
      InstrumentSelector instruments, BarInterval interval, Instant from, Instant to, int limit) {
    List<StoredOhlcBar> bars = read(instruments, interval, from, to, null, limit);
    if (from == null) {
      // Read newest first so LIMIT keeps the latest bars; answer them oldest first.
      Collections.reverse(bars);
    }
    return bars;
  }

  /**
   * Like {@link #find}, continuing after {@code after} (a cursor of the same direction), and in
   * reading order: ascending with {@code from}, newest first without.
   *
   * @throws DataAccessException if the database fails or cannot be reached
   */
  public List<StoredOhlcBar> read(
      InstrumentSelector instruments,
      BarInterval interval,
      Instant from,
      Instant to,
      OhlcCursor after,
      int limit) {
    Objects.requireNonNull(instruments, "instruments");
    Objects.requireNonNull(interval, "interval");
    boolean latest = from == null;
    if (latest) {
      Objects.requireNonNull(to, "to is required when from is absent");
    }
    String sql = sql(instruments, from != null, to != null, after != null, latest);
    Connection connection = Connections.open(dataSource);
    try (connection;
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, instruments, interval, from, to, after, limit);
      List<StoredOhlcBar> bars = new ArrayList<>(Math.min(limit, 1_001));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          bars.add(read(rs));
        }
      }
      return bars;
    } catch (SQLException e) {
      throw new DataAccessException(
          "cannot read " + OHLC_BARS.name() + " for " + instruments,
          e,
          DataAccessException.isConnectionFailure(e));
    }
  }

  /** The statement {@link #find} runs; visible for the query-plan test. */
  static String sql(
      InstrumentSelector instruments, boolean hasFrom, boolean hasTo, boolean latest) {
    return sql(instruments, hasFrom, hasTo, false, latest);
  }

  /**
   * The statement {@link #read} runs. A cursor adds {@code bucket_start > ?} for one instrument (an
   * index condition of the primary key), and for an event the row comparison {@code (bucket_start,
   * instrument) > (?, ?)} beside a plain bound on {@code bucket_start} that prunes partitions;
   * {@code <} for the latest bars.
   */
  static String sql(
      InstrumentSelector instruments,
      boolean hasFrom,
      boolean hasTo,
      boolean hasCursor,
      boolean latest) {
    StringBuilder sql = new StringBuilder(OHLC_BARS.select());
    sql.append(" WHERE ").append(instruments.sqlCondition()).append(" AND bar_interval = ?");
    if (hasFrom) {
      sql.append(" AND bucket_start >= ?");
    }
    if (hasTo) {
      sql.append(" AND bucket_start < ?");
    }
    if (hasCursor) {
      String after = latest ? "<" : ">";
      if (instruments.exact() != null) {
        sql.append(" AND bucket_start ").append(after).append(" ?");
      } else {
        sql.append(" AND bucket_start ").append(after).append("= ?");
        sql.append(" AND (bucket_start, instrument) ").append(after).append(" (?, ?)");
      }
    }
    String direction = latest ? " DESC" : "";
    sql.append(" ORDER BY bucket_start").append(direction).append(", instrument").append(direction);
    return sql.append(" LIMIT ?").toString();
  }

  /** Binds the parameters of {@link #sql}; visible for the query-plan test. */
  static void bind(
      PreparedStatement statement,
      InstrumentSelector instruments,
      BarInterval interval,
      Instant from,
      Instant to,
      int limit)
      throws SQLException {
    bind(statement, instruments, interval, from, to, null, limit);
  }

  static void bind(
      PreparedStatement statement,
      InstrumentSelector instruments,
      BarInterval interval,
      Instant from,
      Instant to,
      OhlcCursor after,
      int limit)
      throws SQLException {
    int i = 1;
    statement.setString(i++, instruments.sqlParameter());
    statement.setString(i++, interval.code());
    if (from != null) {
      statement.setObject(i++, Times.utc(from));
    }
    if (to != null) {
      statement.setObject(i++, Times.utc(to));
    }
    if (after != null) {
      statement.setObject(i++, Times.utc(after.bucketStart()));
      if (instruments.exact() == null) {
        statement.setObject(i++, Times.utc(after.bucketStart()));
        statement.setString(i++, after.instrument());
      }
    }
    statement.setInt(i, limit);
  }

  private static StoredOhlcBar read(ResultSet rs) throws SQLException {
    return new StoredOhlcBar(
        rs.getString("instrument"),
        rs.getString("bar_interval"),
        Times.instant(rs, "bucket_start"),
        rs.getDouble("open"),
        rs.getDouble("high"),
        rs.getDouble("low"),
        rs.getDouble("close"),
        rs.getDouble("volume"),
        rs.getDouble("quote_volume"),
        rs.getLong("trade_count"),
        rs.getDouble("vwap"),
        Times.instant(rs, "first_trade_time"),
        Times.instant(rs, "last_trade_time"),
        rs.getInt("revision"));
  }
}
