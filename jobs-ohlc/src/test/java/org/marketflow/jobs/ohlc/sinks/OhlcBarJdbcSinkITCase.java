package org.marketflow.jobs.ohlc.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.jdbc.JdbcUpsertSink;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.InMemoryTrades;
import org.marketflow.jobs.ohlc.OhlcJob;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.Tables;
import org.marketflow.testing.data.OhlcBarRows;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

/** Flink's JDBC connector (4.0.0-2.0) on Flink 2.2 writing bars and their revisions. */
class OhlcBarJdbcSinkITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private PostgresDatabase db;

  @BeforeEach
  void database(PostgresDatabase database) {
    db = database;
  }

  private JdbcSink<OhlcBar> sink() {
    return JdbcUpsertSink.builder(Tables.OHLC_BARS, new OhlcBarStatement())
        .guard(OhlcBarStatement.NEWER_REVISION)
        .connection(db.jdbcUrl(), db.user(), db.password())
        .batch(2, Duration.ofMillis(50))
        .buildAtLeastOnce();
  }

  @Test
  void anOlderRevisionNeverReplacesANewerOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromData(bar(0, 100.0), bar(2, 102.0), bar(1, 101.0), bar(2, 102.0))
        .setParallelism(1)
        .sinkTo(sink())
        .setParallelism(1)
        .uid("bars-jdbc")
        .name("bars-jdbc");
    env.execute("revision-guard");

    try (Connection c = db.connect()) {
      List<OhlcBarRows.Row> rows = OhlcBarRows.all(c);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).revision()).isEqualTo(2);
      assertThat(rows.get(0).close()).isEqualTo(102.0);
    }
  }

  @Test
  void aLateTradeRevisesTheStoredBar() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // One channel end to end: a watermark then reaches the window before the late trade does.
    env.setParallelism(1);
    DataStream<Consumed<Trade>> trades =
        InMemoryTrades.stream(
            env,
            List.of(
                btc(10, 10, 100.0, 1.0),
                btc(70, 70, 120.0, 1.0), // next minute: closes the first
                btc(5, 5, 90.0, 2.0))); // late, within the allowed minute
    OhlcJob.compute(trades, InMemoryTrades.oneMinuteBars())
        .bars()
        .sinkTo(sink())
        .uid("bars-jdbc")
        .name("bars-jdbc");
    env.execute("late-trade");

    try (Connection c = db.connect()) {
      List<OhlcBarRows.Row> rows = OhlcBarRows.all(c);
      assertThat(rows)
          .containsExactly(
              new OhlcBarRows.Row(
                  "BINANCE:BTCUSDT",
                  "1m",
                  MINUTE_US,
                  90.0,
                  100.0,
                  90.0,
                  100.0,
                  3.0,
                  280.0,
                  2,
                  280.0 / 3.0,
                  MINUTE_US + 5_000_000,
                  MINUTE_US + 10_000_000,
                  2,
                  3.0,
                  0.0,
                  2,
                  0,
                  true),
              new OhlcBarRows.Row(
                  "BINANCE:BTCUSDT",
                  "1m",
                  MINUTE_US + 60_000_000,
                  120.0,
                  120.0,
                  120.0,
                  120.0,
                  1.0,
                  120.0,
                  1,
                  120.0,
                  MINUTE_US + 70_000_000,
                  MINUTE_US + 70_000_000,
                  0,
                  1.0,
                  0.0,
                  1,
                  0,
                  true));
    }
  }

  private static OhlcBar bar(int revision, double close) {
    return OhlcBar.newBuilder()
        .setInstrument("BINANCE:BTCUSDT")
        .setInterval("1m")
        .setBucketStartUs(MINUTE_US)
        .setOpen(100.0)
        .setHigh(110.0)
        .setLow(90.0)
        .setClose(close)
        .setVolume(1.0)
        .setQuoteVolume(100.0)
        .setTradeCount(1 + revision)
        .setVwap(100.0)
        .setFirstTradeTimeUs(MINUTE_US + 1)
        .setLastTradeTimeUs(MINUTE_US + 59_999_999)
        .setRevision(revision)
        .build();
  }
}
