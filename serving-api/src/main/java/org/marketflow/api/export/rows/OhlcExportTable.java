package org.marketflow.api.export.rows;

import static org.marketflow.api.export.rows.ExportColumn.decimal;
import static org.marketflow.api.export.rows.ExportColumn.int32;
import static org.marketflow.api.export.rows.ExportColumn.int64;
import static org.marketflow.api.export.rows.ExportColumn.string;
import static org.marketflow.api.export.rows.ExportColumn.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.marketflow.api.export.ExportRequest;
import org.marketflow.schemas.db.Tables;

/**
 * {@code type=ohlc}: {@code ohlc_bars} of one interval, on {@code bucket_start}; the fields of a
 * bar of {@code GET /ohlc}.
 */
final class OhlcExportTable extends ExportTable {

  static final OhlcExportTable INSTANCE = new OhlcExportTable();

  private OhlcExportTable() {
    super(
        Tables.OHLC_BARS,
        "bucket_start",
        "bar_interval",
        "",
        List.of(
            time("timestamp"),
            string("interval"),
            decimal("open"),
            decimal("high"),
            decimal("low"),
            decimal("close"),
            decimal("volume"),
            decimal("quoteVolume"),
            int64("trades"),
            decimal("vwap"),
            time("firstTradeTime"),
            time("lastTradeTime"),
            int32("revision")));
  }

  @Override
  String filterValue(ExportRequest request) {
    return request.interval().code();
  }

  @Override
  void readOwn(ResultSet rs, Object[] row, int first) throws SQLException {
    int i = first;
    row[i++] = instant(rs, "bucket_start");
    row[i++] = rs.getString("bar_interval");
    row[i++] = rs.getDouble("open");
    row[i++] = rs.getDouble("high");
    row[i++] = rs.getDouble("low");
    row[i++] = rs.getDouble("close");
    row[i++] = rs.getDouble("volume");
    row[i++] = rs.getDouble("quote_volume");
    row[i++] = rs.getLong("trade_count");
    row[i++] = rs.getDouble("vwap");
    row[i++] = instant(rs, "first_trade_time");
    row[i++] = instant(rs, "last_trade_time");
    row[i] = rs.getInt("revision");
  }
}
