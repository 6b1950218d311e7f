package org.marketflow.jobs.ohlc.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.jobs.ohlc.sinks.ArchiveTrades.KRAKEN;
import static org.marketflow.jobs.ohlc.sinks.ArchiveTrades.kraken;
import static org.marketflow.jobs.ohlc.sinks.ArchiveTrades.pariflow;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.btc;
import static org.marketflow.testing.data.Trades.trade;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.servers.PostgresDatabase;

/** The trade archive on a MiniCluster (parallelism 2) into a fresh migrated database. */
class TradeArchiveSinkITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final long DAY_US = 86_400_000_000L;

  private PostgresDatabase db;

  @BeforeEach
  void database(PostgresDatabase database) {
    db = database;
  }

  /** Runs {@code trades}, in this order, through the archive as a job wires it. */
  private void archive(List<Trade> trades) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobRunner.configureRecords(env);
    Configuration config =
        JobConfigBuilder.defaults().jdbc(db.jdbcUrl(), db.user(), db.password()).build();
    TradeArchiveSink.addTo(
        env.fromData(trades, TypeInformation.of(Trade.class)).setParallelism(1), config);
    env.execute("trade-archive");
  }

  private List<TradeRows.Row> rows() throws Exception {
    try (Connection c = db.connect()) {
      return TradeRows.all(c);
    }
  }

  @Test
  void storesEveryFieldOfEachTrade() throws Exception {
    Trade binance = btc(1, 4_000_001, 61_837.62, 0.5);
    Trade pariflow = pariflow(MINUTE_US + 2_000_000, "t-17");
    Trade kraken = kraken(MINUTE_US + 3_000_001, 61_840.1, 0.015, Side.UNKNOWN);
    archive(List.of(binance, pariflow, kraken));

    String partition = "trades_default";
    assertThat(rows())
        .containsExactly(
            new TradeRows.Row(
                "BINANCE:BTCUSDT",
                MINUTE_US + 1_000_000,
                MINUTE_US + 1_001_000,
                "4000001",
                4_000_001L,
                61_837.62,
                0.5,
                "BUY",
                null,
                null,
                partition),
            new TradeRows.Row(
                KRAKEN,
                MINUTE_US + 3_000_001,
                MINUTE_US + 3_002_501,
                TradeArchiveIds.of(kraken),
                null,
                61_840.1,
                0.015,
                "UNKNOWN",
                null,
                null,
                partition),
            new TradeRows.Row(
                "PARIFLOW:election-2028:candidate-a:YES",
                MINUTE_US + 2_000_000,
                MINUTE_US + 2_000_800,
                "t-17",
                null,
                0.42,
                250.0,
                "SELL",
                true,
                "ord-t-17",
                partition));
  }

  @Test
  void aReplayOfTheSameTradesLeavesTheTableUnchanged() throws Exception {
    List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      trades.add(btc(i, 4_000_000 + i, 61_800.0 + i, 0.01 * (i + 1)));
      trades.add(kraken(MINUTE_US + i * 1_000_000L, 61_800.5 + i % 3, 0.1, Side.BUY));
    }
    trades.add(kraken(MINUTE_US, 61_800.5, 0.1, Side.BUY)); // the same as the first Kraken trade
    archive(trades);
    List<TradeRows.Row> stored = rows();
    assertThat(stored).hasSize(81);

    archive(trades);
    assertThat(rows()).isEqualTo(stored);

    // Delivered again with another receive time: the stored trade stays as it was.
    List<Trade> received = new ArrayList<>();
    for (Trade trade : trades) {
      received.add(
          Trade.newBuilder(trade).setReceiveTimeUs(trade.getReceiveTimeUs() + 60_000_000).build());
    }
    archive(received);
    assertThat(rows()).isEqualTo(stored);
  }

  @Test
  void tradesWithoutAnIdAreEachStoredIdenticalOnesIncluded() throws Exception {
    Trade first = kraken();
    Trade other = kraken(MINUTE_US, 61_837.62, 0.2, Side.SELL);
    Trade identical = kraken();
    Trade sequenced = Trade.newBuilder(kraken()).setSequence(77L).build();
    List<Trade> trades = List.of(first, other, identical, sequenced);
    archive(trades);
    archive(trades);

    String digest = TradeArchiveIds.digest(first);
    assertThat(rows())
        .extracting(TradeRows.Row::tradeId)
        .containsExactlyInAnyOrder(
            digest + ":0", digest + ":1", TradeArchiveIds.digest(other) + ":0", "seq:77");
  }

  @Test
  void aBatchSpanningDaysGoesToEachDaysPartition() throws Exception {
    long day = Math.floorDiv(MINUTE_US, DAY_US) * DAY_US; // 2024-08-08T00:00:00Z
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT marketflow_ensure_partitions('trades', 'day', '2024-08-08T00:00:00Z',"
              + " '2024-08-10T00:00:00Z')");
    }
    String instrument = "BINANCE:ETHUSDT";
    archive(
        List.of(
            trade(instrument, day + DAY_US - 1, 1, 2_600.0, 1.0), // the last µs of 8 August
            trade(instrument, day + DAY_US, 2, 2_601.0, 1.0), // the first of 9 August
            trade(instrument, day + DAY_US + 43_200_000_000L, 3, 2_602.0, 1.0),
            trade(instrument, day + 2 * DAY_US, 4, 2_603.0, 1.0))); // 10 August: no partition

    assertThat(rows())
        .extracting(TradeRows.Row::tradeId, TradeRows.Row::partition)
        .containsExactly(
            tuple("1", "trades_p20240808"),
            tuple("2", "trades_p20240809"),
            tuple("3", "trades_p20240809"),
            tuple("4", "trades_default"));
  }
}
