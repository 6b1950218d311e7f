package org.marketflow.api.marketdata.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.schemas.db.Tables.TRADES;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The trade archive's statements on a realistic amount of data (daily partitions, 170,000 trades):
 * for one instrument, both sorts, by offset and by cursor, PostgreSQL reads the primary-key index
 * of the pruned partitions forwards or backwards, without a sequential scan or a sort.
 */
class TradeRepositoryITCase {

  private static final MarketSelection SYM07 =
      MarketSelection.parse(null, null, null, "BINANCE:SYM07");
  private static final Instant DAY_END = Instant.parse("2024-08-01T00:00:00Z");

  private static PostgresDatabase database;
  private static PGSimpleDataSource dataSource;
  private static TradeRepository repository;

  @BeforeAll
  static void loadTrades() throws SQLException {
    database = LocalPostgres.shared().createDatabase("api_trades_plan");
    DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    repository = new TradeRepository(dataSource);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "SELECT marketflow_ensure_partitions('trades', 'day', '2024-07-28', '2024-08-04')");
      // 10 instruments, a trade every 30 s for 6 days across the July/August boundary.
      statement.execute(
          "INSERT INTO "
              + TRADES.name()
              + " (instrument, exchange_time, receive_time, trade_id, price, size, side)"
              + " SELECT 'BINANCE:SYM' || lpad(s::text, 2, '0'), t, t,"
              + " 'id-' || extract(epoch FROM t)::bigint, 100, 1, 'BUY'"
              + " FROM generate_series(1, 10) s, generate_series('2024-07-29T00:00:00Z'::timestamptz,"
              + " '2024-08-03T23:59:30Z'::timestamptz, interval '30 seconds') t");
      // A PARIFLOW event's outcomes, so that the event query has rows to find among the others.
      statement.execute(
          "INSERT INTO "
              + TRADES.name()
              + " (instrument, exchange_time, receive_time, trade_id, price, size, side)"
              + " SELECT 'PARIFLOW:evt-' || e || ':out-1:YES', t, t,"
              + " 'p-' || extract(epoch FROM t)::bigint, 0.5, 10, 'SELL'"
              + " FROM generate_series(1, 5) e, generate_series('2024-07-31T12:00:00Z'::timestamptz,"
              + " '2024-08-01T11:59:00Z'::timestamptz, interval '1 minute') t");
      statement.execute("ANALYZE trades");
    }
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  private static TradesQuery query(
      SortOrder sort, Instant from, Instant to, int offset, TradeCursor cursor) {
    return new TradesQuery(SYM07, from, to, 100, offset, sort, cursor);
  }

  @Test
  void cursorContinuesStrictlyAfterTheLastTradeAcrossThePartitionBoundary() {
    TradeCursor cursor =
        new TradeCursor(
            SortOrder.ASC,
            DAY_END.minusSeconds(30),
            "BINANCE:SYM07",
            "id-" + (DAY_END.getEpochSecond() - 30));

    List<StoredTrade> trades = repository.find(query(SortOrder.ASC, null, null, 0, cursor), 2);

    assertThat(trades)
        .extracting(StoredTrade::exchangeTime)
        .containsExactly(DAY_END, DAY_END.plusSeconds(30));
  }

  @Test
  void descendingCursorContinuesBeforeTheLastTrade() {
    TradeCursor cursor =
        new TradeCursor(SortOrder.DESC, DAY_END, "BINANCE:SYM07", "id-" + DAY_END.getEpochSecond());

    List<StoredTrade> trades = repository.find(query(SortOrder.DESC, null, null, 0, cursor), 2);

    assertThat(trades)
        .extracting(StoredTrade::exchangeTime)
        .containsExactly(DAY_END.minusSeconds(30), DAY_END.minusSeconds(60));
  }

  @ParameterizedTest(name = "sort={0}")
  @EnumSource(SortOrder.class)
  void aTimeRangeIsAnIndexScanOfItsPartitionsOnly(SortOrder sort) throws SQLException {
    List<String> plan =
        plan(query(sort, DAY_END.minusSeconds(600), DAY_END.plusSeconds(600), 0, null));

    assertThat(plan).anyMatch(line -> line.contains("trades_p20240731_pkey"));
    assertThat(plan).anyMatch(line -> line.contains("trades_p20240801_pkey"));
    assertThat(plan).noneMatch(line -> line.contains("trades_p20240802"));
    assertScanDirection(plan, sort);
    assertNoSeqScanNorSort(plan);
  }

  @ParameterizedTest(name = "sort={0}")
  @EnumSource(SortOrder.class)
  void anOffsetPageIsAnIndexScanWithoutASort(SortOrder sort) throws SQLException {
    List<String> plan = plan(query(sort, null, null, 5_000, null));

    assertScanDirection(plan, sort);
    assertNoSeqScanNorSort(plan);
  }

  @ParameterizedTest(name = "sort={0}")
  @EnumSource(SortOrder.class)
  void aCursorPageSkipsThePartitionsAlreadyReadAndUsesTheKey(SortOrder sort) throws SQLException {
    TradeCursor cursor = new TradeCursor(sort, DAY_END.plusSeconds(3_600), "BINANCE:SYM07", "id-x");

    List<String> plan = plan(query(sort, null, null, 0, cursor));

    String skipped = sort == SortOrder.ASC ? "trades_p20240731" : "trades_p20240802";
    assertThat(plan).noneMatch(line -> line.contains(skipped));
    assertThat(plan).anyMatch(line -> line.contains("trades_p20240801_pkey"));
    // The row comparison is an index condition of the primary key, not a filter.
    assertThat(String.join("\n", plan))
        .containsPattern("Index Cond: .*ROW\\(exchange_time, \\(?trade_id");
    assertScanDirection(plan, sort);
    assertNoSeqScanNorSort(plan);
  }

  /**
   * An event's trades ({@code LIKE 'PARIFLOW:<eventId>:%'}) are ordered by time, instrument and
   * trade id, which no index gives, so they are sorted; but only the event's own rows of the
   * range's partitions are read, through {@code idx_trades_instrument_prefix}.
   */
  @Test
  void anEventsTradesAreReadByThePrefixIndexOfTheRangesPartitions() throws SQLException {
    TradesQuery query =
        new TradesQuery(
            MarketSelection.parse("evt-1", null, null, null),
            DAY_END.minusSeconds(600),
            DAY_END.plusSeconds(600),
            100,
            0,
            SortOrder.DESC,
            null);

    List<String> plan = plan(query);

    assertThat(plan).anyMatch(line -> line.contains("trades_p20240731_instrument"));
    assertThat(plan).noneMatch(line -> line.contains("trades_p20240802"));
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
  }

  private static void assertScanDirection(List<String> plan, SortOrder sort) {
    if (sort == SortOrder.DESC) {
      assertThat(plan).anyMatch(line -> line.contains("Index Scan Backward using"));
    } else {
      assertThat(plan).anyMatch(line -> line.contains("Index Scan using"));
      assertThat(plan).noneMatch(line -> line.contains("Index Scan Backward"));
    }
  }

  private static void assertNoSeqScanNorSort(List<String> plan) {
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    // Node lines only: a Merge Append's "Sort Key:" is not a sort.
    assertThat(plan).noneMatch(line -> line.matches(".*\\bSort\\s+\\(cost=.*"));
  }

  private static List<String> plan(TradesQuery query) throws SQLException {
    String sql = TradeRepository.sql(query);
    List<String> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      TradeRepository.bind(explain, query, query.limit() + 1);
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    assertThat(lines).as("plan of %s", sql).isNotEmpty();
    return lines;
  }
}
