package org.marketflow.jobs.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.StreamingJob;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.schemas.backtest.BacktestName;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.schemas.db.TableSpec;
import org.marketflow.schemas.db.Tables;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

/**
 * A backtest's tables: the migrations applied to the schema {@code backtest_<name>} beside the live
 * tables, the job's schema check of that schema, and a job's writes landing there.
 */
class BacktestSchemaITCase {

  @RegisterExtension static final PostgresExtension POSTGRES = PostgresExtension.perTest();
  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final BacktestName Q1 = new BacktestName("q1");
  private static final Instant FROM = Instant.parse("2025-01-15T10:00:00Z");
  private static final Instant TO = Instant.parse("2025-01-15T11:00:00Z");

  @Test
  void migratesEveryTableIntoTheBacktestsSchemaAndLeavesTheLiveOnesAlone(PostgresDatabase db)
      throws Exception {
    DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
    List<String> liveBefore = tables(db, "public");
    long liveHistoryBefore = count(db, "public.flyway_schema_history");

    DatabaseMigrations.migrateBacktest(db.jdbcUrl(), db.user(), db.password(), Q1);

    assertThat(tables(db, Q1.schema()))
        .contains("flyway_schema_history")
        .containsAll(Tables.ALL.stream().map(TableSpec::name).toList());
    assertThat(tables(db, Q1.schema()))
        .as("the partitions ahead of now, in the backtest's schema")
        .anyMatch(table -> table.startsWith("ohlc_bars_p"))
        .anyMatch(table -> table.startsWith("market_ticks_p"));
    assertThat(tables(db, "public")).isEqualTo(liveBefore);
    assertThat(count(db, "public.flyway_schema_history")).isEqualTo(liveHistoryBefore);
    assertThatCode(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), Q1, 2, "jobs-x"))
        .doesNotThrowAnyException();
  }

  @Test
  void aBacktestsSchemaIsNoLiveSchema(PostgresDatabase db) {
    DatabaseMigrations.migrateBacktest(db.jdbcUrl(), db.user(), db.password(), Q1);

    assertThat(tables(db, "public")).isEmpty();
    assertThatThrownBy(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), 1, "jobs-x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no MarketFlow schema");
  }

  @Test
  void saysWhatToRunWhenTheBacktestsSchemaIsMissing(PostgresDatabase db) {
    DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());

    assertThatThrownBy(
            () ->
                SchemaVersionCheck.requireAtLeast(
                    db.jdbcUrl(), db.user(), db.password(), Q1, 1, "jobs-x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the schema backtest_q1 of "
                + db.jdbcUrl()
                + " is missing or not migrated (no flyway_schema_history), but jobs-x needs version"
                + " 1 or later. Migrate it first: scripts/migrate.sh --jdbc-url "
                + db.jdbcUrl()
                + " --user <user> --password <password> --backtest q1");
  }

  @Test
  void aBacktestJobChecksAndWritesTheBacktestsTablesOnly(PostgresDatabase db) throws Exception {
    DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
    Configuration config =
        JobConfigBuilder.backtest("localhost:9", "it-" + db.name(), Q1.value(), FROM, TO)
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .build();
    assertThatThrownBy(() -> JobRunner.execute(new OneRowJob(), config))
        .hasMessageContaining("--backtest q1");

    DatabaseMigrations.migrateBacktest(db.jdbcUrl(), db.user(), db.password(), Q1);
    JobRunner.execute(new OneRowJob(), config);

    assertThat(count(db, Q1.schema() + ".market_microstructure")).isEqualTo(1);
    assertThat(count(db, "public.market_microstructure")).isZero();
  }

  /** Writes one row of market_microstructure through the sink every job uses. */
  static final class OneRowJob implements StreamingJob {

    private static final JdbcStatementBuilder<String> ROW =
        (statement, asset) -> {
          statement.setObject(1, SqlTimes.utc(FROM.toEpochMilli() * 1_000));
          statement.setString(2, asset);
          for (int column = 3; column <= Tables.MARKET_MICROSTRUCTURE.columns().size(); column++) {
            statement.setNull(column, Types.DOUBLE);
          }
        };

    @Override
    public String name() {
      return "jobs-one-row";
    }

    @Override
    public List<ConfigOption<?>> options() {
      return List.of();
    }

    @Override
    public int requiredSchemaVersion() {
      return 2;
    }

    @Override
    public void wire(StreamExecutionEnvironment env, Configuration config) {
      env.fromData("SIM:BTCUSD")
          .sinkTo(
              JdbcUpsertSink.builder(Tables.MARKET_MICROSTRUCTURE, ROW)
                  .fromOptions(config)
                  .buildAtLeastOnce())
          .uid("one-row-sink")
          .name("PostgreSQL market_microstructure");
    }
  }

  private static List<String> tables(PostgresDatabase db, String schema) {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema
                    + "' ORDER BY table_name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  private static long count(PostgresDatabase db, String table) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
