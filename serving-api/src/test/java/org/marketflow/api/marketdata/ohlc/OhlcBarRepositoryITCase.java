package org.marketflow.api.marketdata.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.schemas.db.Tables.OHLC_BARS;

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
import org.marketflow.api.persistence.InstrumentSelector;
import org.marketflow.schemas.bars.BarInterval;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.instrument.InstrumentId;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The repository's statements on a realistic amount of data (monthly partitions, a third of a
 * million bars): they answer correctly and PostgreSQL runs them as primary-key index scans on the
 * pruned partitions, without sorting.
 */
class OhlcBarRepositoryITCase {

  private static final InstrumentSelector SYM07 =
      InstrumentSelector.exactly(InstrumentId.parse("BINANCE:SYM07"));
  private static final Instant MONTH_END = Instant.parse("2024-08-01T00:00:00Z");

  /** The SELECTs below give the values in the order of the table's columns. */
  private static final String INSERT_BARS =
      "INSERT INTO " + OHLC_BARS.name() + " (" + OHLC_BARS.columnList() + ")";

  private static PostgresDatabase database;
  private static PGSimpleDataSource dataSource;
  private static OhlcBarRepository repository;

  @BeforeAll
  static void loadBars() throws SQLException {
    database = LocalPostgres.shared().createDatabase("api_plan");
    DatabaseMigrations.migrate(database.jdbcUrl(), database.user(), database.password());
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(database.jdbcUrl());
    dataSource.setUser(database.user());
    dataSource.setPassword(database.password());
    repository = new OhlcBarRepository(dataSource);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "SELECT marketflow_ensure_partitions('ohlc_bars', 'month', '2024-07-01', '2024-10-01')");
      // 20 exchange instruments, 1m bars for 11 days across the July/August partition boundary.
      statement.execute(
          INSERT_BARS
              + " SELECT 'BINANCE:SYM' || lpad(s::text, 2, '0'), '1m', t,"
              + " 100, 101, 99, 100.5, 2, 201, 3, 100.25, t, t + interval '59 seconds', 0,"
              + " 1, 1, 2, 1, true"
              + " FROM generate_series(1, 20) s, generate_series('2024-07-25T00:00:00Z'::timestamptz,"
              + " '2024-08-04T23:59:00Z'::timestamptz, interval '1 minute') t");
      // 20 events with two outcomes and both options, a day of 1m bars each.
      statement.execute(
          INSERT_BARS
              + " SELECT 'PARIFLOW:evt-' || e || ':out-' || o || ':' || opt, '1m',"
              + " t, 0.5, 0.6, 0.4, 0.55, 2, 1, 3, 0.5, t, t + interval '59 seconds', 0,"
              + " 1, 1, 2, 1, true"
              + " FROM generate_series(1, 20) e, generate_series(1, 2) o,"
              + " unnest(ARRAY['YES', 'NO']) opt, generate_series('2024-07-31T12:00:00Z'::timestamptz,"
              + " '2024-08-01T11:59:00Z'::timestamptz, interval '1 minute') t");
      statement.execute("ANALYZE ohlc_bars");
    }
  }

  @AfterAll
  static void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void firstBarsFromAStartCrossThePartitionBoundaryInOrder() {
    List<StoredOhlcBar> bars =
        repository.find(
            SYM07, BarInterval.M1, MONTH_END.minusSeconds(120), MONTH_END.plusSeconds(600), 4);

    assertThat(bars)
        .extracting(StoredOhlcBar::bucketStart)
        .containsExactly(
            Instant.parse("2024-07-31T23:58:00Z"),
            Instant.parse("2024-07-31T23:59:00Z"),
            Instant.parse("2024-08-01T00:00:00Z"),
            Instant.parse("2024-08-01T00:01:00Z"));
    assertThat(bars).extracting(StoredOhlcBar::instrument).containsOnly("BINANCE:SYM07");
    assertThat(bars.get(0).lastTradeTime()).isEqualTo(Instant.parse("2024-07-31T23:58:59Z"));
  }

  @Test
  void latestBarsBeforeAnEndAreAnsweredOldestFirst() {
    List<StoredOhlcBar> bars =
        repository.find(SYM07, BarInterval.M1, null, MONTH_END.plusSeconds(120), 3);

    assertThat(bars)
        .extracting(StoredOhlcBar::bucketStart)
        .containsExactly(
            Instant.parse("2024-07-31T23:59:00Z"),
            Instant.parse("2024-08-01T00:00:00Z"),
            Instant.parse("2024-08-01T00:01:00Z"));
  }

  @Test
  void firstBarsAreAnIndexScanOfThePrunedPartitionsWithoutASort() throws SQLException {
    List<String> plan =
        plan(SYM07, MONTH_END.minusSeconds(120), MONTH_END.plusSeconds(600), false, 100);

    assertThat(plan).anyMatch(line -> line.contains("Index Scan using ohlc_bars_p202407_pkey"));
    assertThat(plan).anyMatch(line -> line.contains("Index Scan using ohlc_bars_p202408_pkey"));
    assertThat(plan).noneMatch(line -> line.contains("ohlc_bars_p202409"));
    assertNoSeqScanNorSort(plan);
  }

  @Test
  void latestBarsWalkThePrimaryKeyBackwardsWithoutASort() throws SQLException {
    List<String> plan = plan(SYM07, null, Instant.parse("2024-08-03T00:00:00Z"), true, 100);

    assertThat(plan).anyMatch(line -> line.contains("Index Scan Backward using"));
    assertNoSeqScanNorSort(plan);
  }

  @Test
  void eventSelectionAnswersItsOutcomesInTimeThenInstrumentOrder() {
    List<StoredOhlcBar> bars =
        repository.find(
            InstrumentSelector.ofEvent("evt-1", null, null),
            BarInterval.M1,
            Instant.parse("2024-07-31T12:00:00Z"),
            null,
            5);

    assertThat(bars)
        .extracting(bar -> bar.bucketStart() + " " + bar.instrument())
        .containsExactly(
            "2024-07-31T12:00:00Z PARIFLOW:evt-1:out-1:NO",
            "2024-07-31T12:00:00Z PARIFLOW:evt-1:out-1:YES",
            "2024-07-31T12:00:00Z PARIFLOW:evt-1:out-2:NO",
            "2024-07-31T12:00:00Z PARIFLOW:evt-1:out-2:YES",
            "2024-07-31T12:01:00Z PARIFLOW:evt-1:out-1:NO");
  }

  /**
   * Only partition pruning is asserted: under a non-C collation (the local cluster's is C.UTF-8)
   * PostgreSQL cannot turn {@code LIKE 'PARIFLOW:evt-1:%'} into a range on the primary key, so it
   * scans the pruned partitions and sorts the matching rows.
   */
  @Test
  void eventSelectionReadsOnlyThePartitionsOfItsTimeRange() throws SQLException {
    List<String> plan =
        plan(
            InstrumentSelector.ofEvent("evt-1", null, "YES"),
            Instant.parse("2024-08-01T06:00:00Z"),
            Instant.parse("2024-08-01T07:00:00Z"),
            false,
            100);

    assertThat(plan).anyMatch(line -> line.contains("ohlc_bars_p202408"));
    assertThat(plan).noneMatch(line -> line.contains("ohlc_bars_p202407"));
    assertThat(plan).noneMatch(line -> line.contains("ohlc_bars_default"));
  }

  private static void assertNoSeqScanNorSort(List<String> plan) {
    assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    // Node lines only: a Merge Append's "Sort Key:" is not a sort.
    assertThat(plan).noneMatch(line -> line.matches(".*\\bSort\\s+\\(cost=.*"));
  }

  private static List<String> plan(
      InstrumentSelector instruments, Instant from, Instant to, boolean latest, int limit)
      throws SQLException {
    String sql = OhlcBarRepository.sql(instruments, from != null, to != null, latest);
    List<String> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      OhlcBarRepository.bind(explain, instruments, BarInterval.M1, from, to, limit);
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
