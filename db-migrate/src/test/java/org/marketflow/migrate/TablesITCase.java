package org.marketflow.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.schemas.db.TableSpec;
import org.marketflow.schemas.db.Tables;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * A fresh database migrated to the latest schema holds every table of {@link Tables} with the
 * columns and primary key of its {@link TableSpec}, partitioned by time (but the latest-value
 * tables), and the jobs' upserts on those keys leave a table unchanged when they are replayed.
 */
class TablesITCase {

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perClass().migrated();

  /** Each table's partition column and partition step. */
  private static final Map<TableSpec, String> PARTITIONING =
      Map.ofEntries(
          Map.entry(Tables.MARKET_TICKS, "timestamp day"),
          Map.entry(Tables.TRADES, "exchange_time day"),
          Map.entry(Tables.ORDER_BOOK_SNAPSHOTS, "timestamp day"),
          Map.entry(Tables.MARKET_MICROSTRUCTURE, "timestamp day"),
          Map.entry(Tables.PREDICTION_PAIR_METRICS, "timestamp day"),
          Map.entry(Tables.LIQUIDITY_METRICS, "timestamp month"),
          Map.entry(Tables.OHLC_BARS, "bucket_start month"),
          Map.entry(Tables.MARKET_STATISTICS, "period_end month"),
          Map.entry(Tables.VOLATILITY_METRICS, "ts month"),
          Map.entry(Tables.CORRELATION_MATRICES, "ts month"),
          Map.entry(Tables.MARKET_REGIMES, "ts month"),
          Map.entry(Tables.MARKET_ANOMALIES, "ts month"));

  /** Tables of one row per key that stays current: small, not partitioned. */
  private static final List<TableSpec> LATEST_VALUES = List.of(Tables.MARKET_STATISTICS_LATEST);

  private static final OffsetDateTime SECOND =
      OffsetDateTime.of(2024, 8, 9, 0, 0, 1, 0, ZoneOffset.UTC);

  @Test
  void everyTableHasTheColumnsInOrderAndThePrimaryKeyOfItsSpec(PostgresDatabase db)
      throws SQLException {
    try (Connection c = db.connect()) {
      for (TableSpec table : Tables.ALL) {
        List<String> columns =
            strings(
                c,
                "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name = ?"
                    + " ORDER BY ordinal_position",
                table.name());
        List<String> key =
            strings(
                c,
                "SELECT a.attname FROM pg_index i"
                    + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)"
                    + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                    + " WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY k.n",
                table.name());
        assertThat(columns).as("columns of %s", table.name()).isEqualTo(table.columns());
        assertThat(key).as("primary key of %s", table.name()).isEqualTo(table.keyColumns());
      }
    }
  }

  @Test
  void everyTableIsPartitionedByTimeWithADefaultAndTodaysPartition(PostgresDatabase db)
      throws SQLException {
    assertThat(PARTITIONING.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Tables.ALL.stream().filter(t -> !LATEST_VALUES.contains(t)).toList());
    try (Connection c = db.connect()) {
      List<String> registered =
          strings(c, "SELECT parent::text || ' ' || step FROM marketflow_partitioned_tables");
      for (Map.Entry<TableSpec, String> entry : PARTITIONING.entrySet()) {
        String table = entry.getKey().name();
        String column = entry.getValue().split(" ")[0];
        String step = entry.getValue().split(" ")[1];
        assertThat(registered).as("partitions ahead").contains(table + " " + step);
        assertThat(
                strings(
                    c,
                    "SELECT p.partstrat::text || ':' || a.attname FROM pg_partitioned_table p"
                        + " JOIN pg_attribute a ON a.attrelid = p.partrelid"
                        + " AND a.attnum = p.partattrs[0] WHERE p.partrelid = ?::regclass",
                    table))
            .as("%s is range-partitioned on %s", table, column)
            .containsExactly("r:" + column);
        String today =
            strings(
                    c,
                    "SELECT ? || '_p' || to_char(now() AT TIME ZONE 'UTC', ?)",
                    table,
                    "day".equals(step) ? "YYYYMMDD" : "YYYYMM")
                .get(0);
        assertThat(
                strings(
                    c,
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = ?::regclass",
                    table))
            .as("partitions of %s", table)
            .contains(table + "_default", today);
      }
    }
  }

  @Test
  void replayingTicksThatShareAMicrosecondLeavesTheTableUnchanged(PostgresDatabase db)
      throws SQLException {
    try (Connection c = db.connect()) {
      for (int run = 0; run < 2; run++) {
        upsertTick(c, 0, "BOOK", 61_837.62);
        upsertTick(c, 1, "TRADE", 61_837.63);
      }
      assertThat(
              strings(
                  c,
                  "SELECT tick_index || ':' || tick_source || ':' || last_price FROM market_ticks"
                      + " WHERE asset_id = ? ORDER BY tick_index",
                  "SIM:TICKS"))
          .containsExactly("0:BOOK:61837.62", "1:TRADE:61837.63");
    }
  }

  @Test
  void anIntervalAndAResyncSnapshotOfOneInstantAreTwoRowsAndReplayKeepsThem(PostgresDatabase db)
      throws SQLException {
    try (Connection c = db.connect()) {
      for (int run = 0; run < 2; run++) {
        upsertSnapshot(c, "INTERVAL", 17L);
        upsertSnapshot(c, "RESYNC", 3_475_116_498L);
      }
      assertThat(
              strings(
                  c,
                  "SELECT reason || ':' || bid_prices[1] || ':' || checksum"
                      + " FROM order_book_snapshots WHERE asset_id = ? ORDER BY reason",
                  "SIM:BOOK"))
          .containsExactly("INTERVAL:61837.62:17", "RESYNC:61837.62:3475116498");
    }
  }

  private static void upsertTick(Connection c, int index, String source, double lastPrice)
      throws SQLException {
    TableSpec t = Tables.MARKET_TICKS;
    try (PreparedStatement s = c.prepareStatement(t.upsert(null))) {
      s.setObject(t.position("timestamp"), SECOND);
      s.setString(t.position("asset_id"), "SIM:TICKS");
      s.setDouble(t.position("bid"), 61_837.62);
      s.setNull(t.position("ask"), Types.DOUBLE);
      s.setDouble(t.position("last_price"), lastPrice);
      s.setDouble(t.position("volume"), 1.0);
      s.setNull(t.position("sequence_number"), Types.BIGINT);
      s.setLong(t.position("latency_us"), 3_000_000_000L);
      s.setString(t.position("exchange"), "SIM");
      s.setInt(t.position("tick_index"), index);
      s.setString(t.position("tick_source"), source);
      s.setDouble(t.position("bid_size"), 1.5);
      s.setNull(t.position("ask_size"), Types.DOUBLE);
      s.setDouble(t.position("last_size"), 0.02);
      s.executeUpdate();
    }
  }

  private static void upsertSnapshot(Connection c, String reason, long checksum)
      throws SQLException {
    TableSpec t = Tables.ORDER_BOOK_SNAPSHOTS;
    try (PreparedStatement s = c.prepareStatement(t.upsert(null))) {
      Array prices = c.createArrayOf("float8", new Double[] {61_837.62, 61_837.61});
      Array sizes = c.createArrayOf("float8", new Double[] {1.5, 0.3});
      Array counts = c.createArrayOf("int4", new Integer[] {4, null});
      s.setObject(t.position("timestamp"), SECOND);
      s.setString(t.position("asset_id"), "SIM:BOOK");
      s.setString(t.position("reason"), reason);
      s.setObject(t.position("last_update_time"), SECOND.minusNanos(13_000));
      s.setNull(t.position("sequence_number"), Types.BIGINT);
      s.setInt(t.position("depth_levels"), 20);
      s.setInt(t.position("book_bid_levels"), 2);
      s.setInt(t.position("book_ask_levels"), 0);
      s.setArray(t.position("bid_prices"), prices);
      s.setArray(t.position("bid_sizes"), sizes);
      s.setArray(t.position("bid_order_counts"), counts);
      s.setArray(t.position("ask_prices"), c.createArrayOf("float8", new Double[0]));
      s.setArray(t.position("ask_sizes"), c.createArrayOf("float8", new Double[0]));
      s.setNull(t.position("ask_order_counts"), Types.ARRAY);
      s.setLong(t.position("checksum"), checksum);
      s.executeUpdate();
    }
  }

  /** The first column of every row of {@code sql}, with {@code parameters} bound as text. */
  private static List<String> strings(Connection c, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }
}
