package org.marketflow.api.export.rows;

import static org.marketflow.api.export.rows.ExportColumn.string;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.api.common.MarketOfInstrument;
import org.marketflow.api.export.ExportRequest;
import org.marketflow.api.export.ExportType;
import org.marketflow.schemas.db.TableSpec;

/**
 * How one export type reads its table: the columns it answers, the statement and the mapping of a
 * result row to values of those columns. Every statement is bounded by the selection ({@code
 * instrument = ?} or an event's {@code LIKE} prefix), the type's own filter (interval, period) and
 * {@code [startTime, endTime)} on the time column, which is the partition key, so PostgreSQL prunes
 * partitions; rows come in time order, then instrument.
 *
 * <p>Every type's columns start with {@code instrument, eventId, outcomeId, option}; the
 * prediction-market ids are {@code null} for exchange instruments.
 */
public abstract class ExportTable {

  /** The columns every type starts with. */
  static final List<ExportColumn> SELECTION_COLUMNS =
      List.of(string("instrument"), string("eventId"), string("outcomeId"), string("option"));

  private final TableSpec table;
  private final String timeColumn;
  private final String filterColumn;
  private final String tieBreak;
  private final List<ExportColumn> columns;

  /**
   * @param filterColumn the column compared with the type's own filter, or {@code null}
   * @param tieBreak the columns after time and instrument that make the order total, or empty
   * @param ownColumns the columns after {@link #SELECTION_COLUMNS}
   */
  ExportTable(
      TableSpec table,
      String timeColumn,
      String filterColumn,
      String tieBreak,
      List<ExportColumn> ownColumns) {
    this.table = table;
    this.timeColumn = timeColumn;
    this.filterColumn = filterColumn;
    this.tieBreak = tieBreak;
    List<ExportColumn> all = new ArrayList<>(SELECTION_COLUMNS);
    all.addAll(ownColumns);
    this.columns = List.copyOf(all);
  }

  /** The reader of a type. */
  public static ExportTable of(ExportType type) {
    return switch (type) {
      case TRADES -> TradeExportTable.INSTANCE;
      case OHLC -> OhlcExportTable.INSTANCE;
      case STATISTICS -> StatisticsExportTable.INSTANCE;
    };
  }

  /** The columns of every row, in order. */
  public List<ExportColumn> columns() {
    return columns;
  }

  /** The export's rows, in time then instrument order. */
  public String selectSql(ExportRequest request) {
    return table.select()
        + where(request)
        + " ORDER BY "
        + timeColumn
        + ", instrument"
        + (tieBreak.isEmpty() ? "" : ", " + tieBreak);
  }

  /**
   * How many rows the export has, counting no further than the last parameter: the count of a
   * {@code LIMIT}ed sub-select, so its cost is bounded by that limit whatever the range holds.
   */
  public String cappedCountSql(ExportRequest request) {
    return "SELECT count(*) FROM (SELECT 1 FROM "
        + table.name()
        + where(request)
        + " LIMIT ?) AS capped";
  }

  /**
   * Binds the parameters of {@link #selectSql} (and the first ones of {@link #cappedCountSql}).
   *
   * @return the index of the next parameter
   */
  public int bind(PreparedStatement statement, ExportRequest request) throws SQLException {
    int i = 1;
    statement.setString(i++, request.instruments().sqlParameter());
    if (filterColumn != null) {
      statement.setString(i++, filterValue(request));
    }
    statement.setObject(i++, OffsetDateTime.ofInstant(request.startTime(), ZoneOffset.UTC));
    statement.setObject(i++, OffsetDateTime.ofInstant(request.endTime(), ZoneOffset.UTC));
    return i;
  }

  /** The current row of {@code rs}, a statement of {@link #selectSql}, as {@link #columns()}. */
  public Object[] read(ResultSet rs) throws SQLException {
    Object[] row = new Object[columns.size()];
    String instrument = rs.getString("instrument");
    MarketOfInstrument ids = MarketOfInstrument.of(instrument);
    row[0] = instrument;
    row[1] = ids.eventId();
    row[2] = ids.outcomeId();
    row[3] = ids.option();
    readOwn(rs, row, SELECTION_COLUMNS.size());
    return row;
  }

  /** Fills {@code row} from index {@code first} with the type's own columns. */
  abstract void readOwn(ResultSet rs, Object[] row, int first) throws SQLException;

  /** The value of the type's filter column; only called when it has one. */
  String filterValue(ExportRequest request) {
    throw new UnsupportedOperationException(table.name() + " has no filter column");
  }

  private String where(ExportRequest request) {
    return " WHERE "
        + request.instruments().sqlCondition()
        + (filterColumn == null ? "" : " AND " + filterColumn + " = ?")
        + " AND "
        + timeColumn
        + " >= ? AND "
        + timeColumn
        + " < ?";
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A nullable double column. */
  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  /** A nullable bigint column. */
  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A nullable boolean column. */
  static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }
}
