package org.marketflow.jobs.microstructure.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.common.jdbc.SqlTimes.micros;
import static org.marketflow.jobs.microstructure.sinks.Samples.SECOND_US;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.db.TableSpec;
import org.marketflow.schemas.db.Tables;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * Each table's statement through the sink's upsert on a migrated database: every column gets its
 * field, and writing the same records again (a replay) leaves the rows as they were.
 */
class TableStatementsITCase {

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  @Test
  void ticksAreWrittenOnceWhateverTheReplays(PostgresDatabase db) throws Exception {
    List<Map<String, Object>> rows =
        writeTwice(
            db,
            Tables.MARKET_TICKS,
            new MarketTickStatement(),
            List.of(Samples.tick(SECOND_US, 0), Samples.tick(SECOND_US, 1)));

    assertThat(rows).hasSize(2);
    Map<String, Object> first = rows.get(0);
    assertThat(first)
        .containsEntry("asset_id", Samples.BTC)
        .containsEntry("exchange", "BINANCE")
        .containsEntry("timestamp", SECOND_US)
        .containsEntry("tick_index", 0)
        .containsEntry("tick_source", "BOOK")
        .containsEntry("sequence_number", 42L)
        .containsEntry("latency_us", 1_250L)
        .containsEntry("bid", 61837.62)
        .containsEntry("ask", 61837.63)
        .containsEntry("bid_size", 1.5)
        .containsEntry("ask_size", 0.02)
        .containsEntry("last_price", null)
        .containsEntry("last_size", null)
        .containsEntry("volume", 0.0);
    assertThat(rows.get(1)).containsEntry("tick_index", 1).containsEntry("sequence_number", 43L);
  }

  @Test
  void snapshotsKeepTheirLevelsAsArraysBestFirst(PostgresDatabase db) throws Exception {
    OrderBookSnapshot withCounts = Samples.snapshot();
    withCounts.setReason(org.marketflow.schemas.avro.SnapshotReason.RESYNC);
    withCounts.setBids(List.of(Samples.level(0.41, 100.0, 3), Samples.level(0.40, 50.0, null)));
    List<Map<String, Object>> rows =
        writeTwice(
            db,
            Tables.ORDER_BOOK_SNAPSHOTS,
            new OrderBookSnapshotStatement(),
            List.of(Samples.snapshot(), withCounts));

    assertThat(rows).hasSize(2);
    Map<String, Object> interval =
        rows.stream().filter(r -> r.get("reason").equals("INTERVAL")).findFirst().orElseThrow();
    assertThat(interval)
        .containsEntry("timestamp", SECOND_US)
        .containsEntry("last_update_time", SECOND_US - 17)
        .containsEntry("sequence_number", 42L)
        .containsEntry("depth_levels", 20)
        .containsEntry("book_bid_levels", 120)
        .containsEntry("book_ask_levels", 130)
        .containsEntry("bid_prices", List.of(61837.63, 61837.62))
        .containsEntry("bid_sizes", List.of(0.02, 1.5))
        .containsEntry("bid_order_counts", null)
        .containsEntry("ask_prices", List.of(61837.64))
        .containsEntry("ask_sizes", List.of(0.75))
        .containsEntry("ask_order_counts", null)
        .containsEntry("checksum", 341077034L);
    Map<String, Object> resync =
        rows.stream().filter(r -> r.get("reason").equals("RESYNC")).findFirst().orElseThrow();
    assertThat(resync.get("bid_order_counts")).isEqualTo(java.util.Arrays.asList(3, null));
  }

  @Test
  void microstructureRowsTakeEveryField(PostgresDatabase db) throws Exception {
    List<Map<String, Object>> rows =
        writeTwice(
            db,
            Tables.MARKET_MICROSTRUCTURE,
            new MarketMicrostructureStatement(),
            List.of(Samples.microstructure()));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("timestamp", SECOND_US)
        .containsEntry("asset_id", Samples.BTC)
        .containsEntry("spread_bps", 0.0017)
        .containsEntry("quoted_spread_bps", 0.0016)
        .containsEntry("mid_price", 61837.635)
        .containsEntry("microprice", 61837.6301)
        .containsEntry("effective_spread_bps", null)
        .containsEntry("realized_spread_bps", null)
        .containsEntry("realized_spread_horizon_us", 5_000_000L)
        .containsEntry("depth_band_bps", 10.0)
        .containsEntry("depth_bid", 3.5)
        .containsEntry("depth_ask", 2.25)
        .containsEntry("depth_bid_notional", 216431.7)
        .containsEntry("depth_ask_notional", 139134.6)
        .containsEntry("imbalance_ratio", 0.217)
        .containsEntry("depth_top_levels", 10)
        .containsEntry("depth_bid_top", 4.0)
        .containsEntry("depth_ask_top", 3.0)
        .containsEntry("tick_frequency", 12.0)
        .containsEntry("price_impact_notional", 10_000.0)
        .containsEntry("price_impact_buy_bps", 0.01)
        .containsEntry("price_impact_sell_bps", null)
        .containsEntry("trade_count", 0L)
        .containsEntry("volume", 0.0);
  }

  @Test
  void liquidityRowsHoldTheVpinAsToxicity(PostgresDatabase db) throws Exception {
    List<Map<String, Object>> rows =
        writeTwice(
            db,
            Tables.LIQUIDITY_METRICS,
            new LiquidityMetricsStatement(),
            List.of(Samples.liquidity()));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("timestamp", SECOND_US - 15_000_000)
        .containsEntry("asset_id", Samples.BTC)
        .containsEntry("bid_liquidity_usd", 1.5e6)
        .containsEntry("ask_liquidity_usd", 1.25e6)
        .containsEntry("total_liquidity_usd", 2.75e6)
        .containsEntry("liquidity_score", 62.5)
        .containsEntry("resilience_score", null)
        .containsEntry("resilience_half_life_s", null)
        .containsEntry("toxicity_score", 0.31)
        .containsEntry("liquidity_band_bps", 100.0)
        .containsEntry("vpin_bucket_volume", 0.8)
        .containsEntry("vpin_window_buckets", 50);
  }

  @Test
  void predictionPairRowsTakeEveryField(PostgresDatabase db) throws Exception {
    List<Map<String, Object>> rows =
        writeTwice(
            db,
            Tables.PREDICTION_PAIR_METRICS,
            new PredictionPairStatement(),
            List.of(Samples.pair()));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("timestamp", SECOND_US)
        .containsEntry("event_id", "e1")
        .containsEntry("outcome_id", "o1")
        .containsEntry("yes_bid", 0.41)
        .containsEntry("yes_ask", 0.43)
        .containsEntry("no_bid", 0.57)
        .containsEntry("no_ask", 0.59)
        .containsEntry("yes_mid", 0.42)
        .containsEntry("no_mid", 0.58)
        .containsEntry("implied_probability", 0.42)
        .containsEntry("implied_probability_from_no", 0.42)
        .containsEntry("overround", 0.02)
        .containsEntry("arbitrage_buy_gap", 0.0)
        .containsEntry("arbitrage_sell_gap", null);
  }

  /** Upserts the records, reads the table, upserts them again: the table must not change. */
  private static <T> List<Map<String, Object>> writeTwice(
      PostgresDatabase db, TableSpec table, JdbcStatementBuilder<T> statement, List<T> records)
      throws SQLException {
    String sql = JdbcUpsertSink.builder(table, statement).sql();
    try (Connection c = db.connect()) {
      upsert(c, sql, statement, records);
      List<Map<String, Object>> rows = rows(c, table);
      upsert(c, sql, statement, records);
      assertThat(rows(c, table)).as("the table after a replay").isEqualTo(rows);
      return rows;
    }
  }

  private static <T> void upsert(
      Connection c, String sql, JdbcStatementBuilder<T> statement, List<T> records)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (T record : records) {
        statement.accept(ps, record);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every row by column name, in key order; times as epoch µs, arrays as lists. */
  private static List<Map<String, Object>> rows(Connection c, TableSpec table) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                table.select() + " ORDER BY " + String.join(", ", table.keyColumns()));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : table.columns()) {
          Object value = rs.getObject(column);
          if (value instanceof Array array) {
            value = java.util.Arrays.asList((Object[]) array.getArray());
          } else if (value != null
              && rs.getMetaData().getColumnTypeName(table.position(column)).equals("timestamptz")) {
            value = micros(rs.getObject(column, OffsetDateTime.class));
          }
          row.put(column, value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
