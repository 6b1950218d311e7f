package org.marketflow.api.export.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.api.export.ExportFormat;
import org.marketflow.api.export.ExportRequest;
import org.marketflow.api.export.ExportType;
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.instrument.InstrumentId;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * The export's statements on day-partitioned trades and month-partitioned bars and statistics (20
 * instruments, three days or months): PostgreSQL reads only the partitions of the range, by
 * primary-key index and in index order (no sort), for the rows and for the capped count.
 */
class ExportTableITCase {

  private static final InstrumentSelector SYM07 =
      InstrumentSelector.exactly(InstrumentId.parse("BINANCE:SYM07"));

  private static PostgresDatabase database;

  @BeforeAll
  static void loadRows() throws SQLException {
    database = LocalPostgres.shared().createDatabase("api_export_plan");
    DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "SELECT marketflow_ensure_partitions('trades', 'day', '2024-09-01', '2024-09-04')");
      statement.execute(
          "SELECT marketflow_ensure_partitions('ohlc_bars', 'month', '2024-07-01', '2024-10-01')");
      statement.execute(
          "SELECT marketflow_ensure_partitions('market_statistics', 'month', '2024-07-01',"
              + " '2024-10-01')");
      statement.execute(
          "INSERT INTO trades (instrument, exchange_time, receive_time, trade_id, price, size,"
              + " side) SELECT 'BINANCE:SYM' || lpad(s::text, 2, '0'), t, t, 't' || s, 100, 1,"
              + " 'BUY' FROM generate_series(1, 20) s, generate_series('2024-09-01T00:00:00Z'::"
              + "timestamptz, '2024-09-03T23:59:00Z'::timestamptz, interval '10 seconds') t");
      statement.execute(
          "INSERT INTO ohlc_bars (instrument, bar_interval, bucket_start, open, high, low, close,"
              + " volume, quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
              + " revision) SELECT 'BINANCE:SYM' || lpad(s::text, 2, '0'), '1m', t, 1, 1, 1, 1,"
              + " 1, 1, 1, 1, t, t, 0 FROM generate_series(1, 20) s,"
              + " generate_series('2024-07-25T00:00:00Z'::timestamptz,"
              + " '2024-09-04T23:59:00Z'::timestamptz, interval '5 minutes') t");
      statement.execute(
          "INSERT INTO market_statistics (instrument, period, period_end, period_start,"
              + " bar_count, volume, quote_volume, trade_count, buy_volume, sell_volume) SELECT"
              + " 'BINANCE:SYM' || lpad(s::text, 2, '0'), '1h', t, t - interval '1 hour', 60, 1,"
              + " 1, 1, 1, 0 FROM generate_series(1, 20) s,"
              + " generate_series('2024-07-25T00:00:00Z'::timestamptz,"
              + " '2024-09-04T23:59:00Z'::timestamptz, interval '5 minutes') t");
      statement.execute("VACUUM ANALYZE trades, ohlc_bars, market_statistics");
    }
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static ExportRequest request(
      ExportType type, Instant start, Instant end, BarInterval interval, String period) {
    return new ExportRequest(
        type, ExportFormat.CSV, SYM07, "BINANCE:SYM07", start, end, interval, period, false);
  }

  /**
   * Index and pruning only: for a whole range of trades PostgreSQL may prefer a bitmap scan of the
   * primary key and a sort of the rows (in the database's work memory, spilling to disk), which is
   * as good; the service still receives them through the cursor.
   */
  @Test
  void tradesOfAnInstrumentAreReadFromTheirDayByIndex() throws SQLException {
    ExportRequest request =
        request(
            ExportType.TRADES,
            Instant.parse("2024-09-02T06:00:00Z"),
            Instant.parse("2024-09-02T18:00:00Z"),
            null,
            null);
    for (List<String> plan : plans(request)) {
      assertIndexScanOn(plan, "trades_p20240902");
      assertThat(plan).noneMatch(line -> line.contains("trades_p20240901"));
      assertThat(plan).noneMatch(line -> line.contains("trades_p20240903"));
      assertThat(plan).noneMatch(line -> line.contains("trades_default"));
      assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    }
  }

  @Test
  void barsOfAnIntervalAreReadFromTheirMonthsByIndexInOrder() throws SQLException {
    ExportRequest request =
        request(
            ExportType.OHLC,
            Instant.parse("2024-07-31T00:00:00Z"),
            Instant.parse("2024-08-02T00:00:00Z"),
            BarInterval.M1,
            null);
    for (List<String> plan : plans(request)) {
      assertIndexScanOn(plan, "ohlc_bars_p202407");
      assertIndexScanOn(plan, "ohlc_bars_p202408");
      assertThat(plan).noneMatch(line -> line.contains("ohlc_bars_p202409"));
      assertNoSeqScanNorSort(plan);
    }
  }

  @Test
  void statisticsOfAPeriodAreReadFromTheirMonthByIndexInOrder() throws SQLException {
    ExportRequest request =
        request(
            ExportType.STATISTICS,
            Instant.parse("2024-08-10T00:00:00Z"),
            Instant.parse("2024-08-12T00:00:00Z"),
            null,
            "1h");
    for (List<String> plan : plans(request)) {
      assertIndexScanOn(plan, "market_statistics_p202408");
      assertThat(plan).noneMatch(line -> line.contains("market_statistics_p202407"));
      assertThat(plan).noneMatch(line -> line.contains("market_statistics_p202409"));
      assertNoSeqScanNorSort(plan);
    }
  }

  @Test
  void theCappedCountStopsAtTheCap() throws SQLException {
    ExportRequest day =
        request(
            ExportType.TRADES,
            Instant.parse("2024-09-01T00:00:00Z"),
            Instant.parse("2024-09-02T00:00:00Z"),
            null,
            null);
    assertThat(count(day, 1_000_000)).isEqualTo(8_640);
    assertThat(count(day, 100)).isEqualTo(101);
  }

  /** Some index of {@code partition} (the primary key, or the instrument-prefix index) is read. */
  private static void assertIndexScanOn(List<String> plan, String partition) {
    assertThat(plan).anyMatch(line -> line.contains("Index") && line.contains(" on " + partition));
  }

  private static void assertNoSeqScanNorSort(List<String> plan) {
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    // Node lines only: a Merge Append's "Sort Key:" is not a sort.
    assertThat(plan).noneMatch(line -> line.matches(".*\\bSort\\s+\\(cost=.*"));
  }

  /** The plans of the export's SELECT and of its capped count. */
  private static List<List<String>> plans(ExportRequest request) throws SQLException {
    ExportTable table = ExportTable.of(request.type());
    return List.of(
        explain(table.selectSql(request), request, null),
        explain(table.cappedCountSql(request), request, 1_000_000L));
  }

  private static List<String> explain(String sql, ExportRequest request, Long limit)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = database.connect();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      int next = ExportTable.of(request.type()).bind(explain, request);
      if (limit != null) {
        explain.setLong(next, limit);
      }
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    assertThat(lines).as("plan of %s", sql).isNotEmpty();
    return lines;
  }

  private static long count(ExportRequest request, long cap) throws SQLException {
    ExportTable table = ExportTable.of(request.type());
    try (Connection connection = database.connect();
        PreparedStatement count = connection.prepareStatement(table.cappedCountSql(request))) {
      count.setLong(table.bind(count, request), cap + 1);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
