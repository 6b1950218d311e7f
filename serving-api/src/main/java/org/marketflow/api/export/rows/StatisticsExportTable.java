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
 * {@code type=statistics}: {@code market_statistics} of one period, on {@code period_end} (one row
 * per instrument and minute). Prices, VWAP, volatilities and liquidity are {@code null} where the
 * job had no value (see {@code docs/jobs/ohlc.md}).
 */
final class StatisticsExportTable extends ExportTable {

  static final StatisticsExportTable INSTANCE = new StatisticsExportTable();

  private StatisticsExportTable() {
    super(
        Tables.MARKET_STATISTICS,
        "period_end",
        "period",
        "",
        List.of(
            string("period"),
            time("periodStart"),
            time("periodEnd"),
            int32("barCount"),
            decimal("volume"),
            decimal("quoteVolume"),
            int64("trades"),
            decimal("buyVolume"),
            decimal("sellVolume"),
            decimal("open"),
            decimal("high"),
            decimal("low"),
            decimal("close"),
            decimal("vwap"),
            decimal("volatility"),
            decimal("annualizedVolatility"),
            decimal("liquidityUsd"),
            time("liquidityBucketStart")));
  }

  @Override
  String filterValue(ExportRequest request) {
    return request.period();
  }

  @Override
  void readOwn(ResultSet rs, Object[] row, int first) throws SQLException {
    int i = first;
    row[i++] = rs.getString("period");
    row[i++] = instant(rs, "period_start");
    row[i++] = instant(rs, "period_end");
    row[i++] = rs.getInt("bar_count");
    row[i++] = rs.getDouble("volume");
    row[i++] = rs.getDouble("quote_volume");
    row[i++] = rs.getLong("trade_count");
    row[i++] = rs.getDouble("buy_volume");
    row[i++] = rs.getDouble("sell_volume");
    row[i++] = nullableDouble(rs, "open");
    row[i++] = nullableDouble(rs, "high");
    row[i++] = nullableDouble(rs, "low");
    row[i++] = nullableDouble(rs, "close");
    row[i++] = nullableDouble(rs, "vwap");
    row[i++] = nullableDouble(rs, "volatility");
    row[i++] = nullableDouble(rs, "annualized_volatility");
    row[i++] = nullableDouble(rs, "liquidity_usd");
    row[i] = instant(rs, "liquidity_bucket_start");
  }
}
