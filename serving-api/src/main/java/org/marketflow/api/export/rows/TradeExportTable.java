package org.marketflow.api.export.rows;

import static org.marketflow.api.export.rows.ExportColumn.bool;
import static org.marketflow.api.export.rows.ExportColumn.decimal;
import static org.marketflow.api.export.rows.ExportColumn.int64;
import static org.marketflow.api.export.rows.ExportColumn.string;
import static org.marketflow.api.export.rows.ExportColumn.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.marketflow.schemas.db.Tables;

/**
 * {@code type=trades}: the trade archive ({@code trades}), on {@code exchange_time}. The design's
 * {@code Trade} without user ids: {@code side} in lower case ({@code buy}, {@code sell}, {@code
 * unknown}), {@code amount} the stored size, {@code volume} = price × amount (quote currency).
 */
final class TradeExportTable extends ExportTable {

  static final TradeExportTable INSTANCE = new TradeExportTable();

  private TradeExportTable() {
    super(
        Tables.TRADES,
        "exchange_time",
        null,
        "trade_id",
        List.of(
            string("tradeId"),
            time("timestamp"),
            time("receiveTime"),
            int64("sequence"),
            string("side"),
            decimal("price"),
            decimal("amount"),
            decimal("volume"),
            bool("isAmmTrade"),
            string("orderId")));
  }

  @Override
  void readOwn(ResultSet rs, Object[] row, int first) throws SQLException {
    int i = first;
    double price = rs.getDouble("price");
    double size = rs.getDouble("size");
    row[i++] = rs.getString("trade_id");
    row[i++] = instant(rs, "exchange_time");
    row[i++] = instant(rs, "receive_time");
    row[i++] = nullableLong(rs, "sequence");
    row[i++] = rs.getString("side").toLowerCase(Locale.ROOT);
    row[i++] = price;
    row[i++] = size;
    row[i++] = price * size;
    row[i++] = nullableBoolean(rs, "is_amm_trade");
    row[i] = rs.getString("order_id");
  }
}
