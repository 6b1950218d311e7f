package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.functions.EventTimeOf;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.functions.StatisticsHarness;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.junit.FlinkMiniCluster;

/**
 * {@link StatisticsStage#compute} on bars and liquidity values from memory, on a MiniCluster with
 * generic types refused: the statistics of two instruments with their liquidity, and the dead
 * letter of a liquidity record that could not be read.
 */
class StatisticsComputeITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final long MINUTE_MS = 60_000L;
  private static final long T0 = 1_723_161_600_000L;
  private static final String BTC = "BINANCE:BTCUSDT";
  private static final String YES = "PARIFLOW:e1:o1:YES";

  @Test
  void computesEachInstrumentsStatisticsWithItsLiquidityAndRoutesUnreadableLiquidity()
      throws Exception {
    List<OhlcBar> bars = new ArrayList<>();
    List<Consumed<LiquidityMetrics>> liquidity = new ArrayList<>();
    for (int m = 0; m < 20; m++) {
      long start = T0 + m * MINUTE_MS;
      bars.add(StatisticsHarness.bar(BTC, start, 60_000.0 + m));
      if (m % 4 != 1) { // a gap: three minutes of every four
        bars.add(StatisticsHarness.bar(YES, start, 0.40 + m / 100.0));
      }
      bars.add(revision(StatisticsHarness.bar(BTC, start, 1.0))); // not final: not counted
      liquidity.add(Consumed.of(StatisticsHarness.liquidity(BTC, start, 10_000.0 + m), 0, m));
    }
    DeadLetter unreadable =
        DeadLetters.DEFAULT.of(
            "jobs-ohlc.decode",
            "not an Avro LiquidityMetrics",
            RecordOrigin.kafka("in-memory-liquidity", 0, 20),
            0L,
            new byte[] {1});
    liquidity.add(Consumed.rejected(unreadable, 0, 20));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    JobRunner.configureRecords(env); // as the job runs: no Kryo
    DataStream<OhlcBar> barStream =
        env.fromData(bars, TypeInformation.of(OhlcBar.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<OhlcBar>forMonotonousTimestamps()
                    .withTimestampAssigner((bar, previous) -> bar.getBucketStartUs() / 1_000))
            .setParallelism(1) // one channel: an instrument's bars in order, as the bars' operator
            .uid("in-memory-bars")
            .name("In-memory bars");
    DataStream<Consumed<LiquidityMetrics>> liquidityStream =
        env.fromData(liquidity, Consumed.typeInfo(LiquidityMetrics.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Consumed<LiquidityMetrics>>forMonotonousTimestamps()
                    .withTimestampAssigner(new EventTimeOf<>(TopicSpec.LIQUIDITY.eventTime())))
            .setParallelism(1)
            .uid("in-memory-liquidity")
            .name("In-memory liquidity");
    StatisticsStage.Outputs outputs =
        StatisticsStage.compute(
            barStream, liquidityStream, StatisticsStage.Settings.defaults(Duration.ofMinutes(1)));
    DataStream.Collector<MarketStatistics> statistics = new DataStream.Collector<>();
    DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
    outputs.statistics().collectAsync(statistics);
    outputs.deadLetters().collectAsync(deadLetters);
    env.execute("statistics-compute");

    List<MarketStatistics> rows = OhlcComputeITCase.drain(statistics.getOutput());
    assertThat(OhlcComputeITCase.drain(deadLetters.getOutput())).containsExactly(unreadable);
    assertThat(rows).hasSize(2 * 20 * 4); // every minute to the end of each one's last bar
    MarketStatistics btc = last(rows, BTC, "24h");
    assertThat(btc)
        .extracting(
            MarketStatistics::getBarCount,
            MarketStatistics::getOpen,
            MarketStatistics::getClose,
            MarketStatistics::getLiquidityUsd)
        .containsExactly(20, 60_000.0, 60_019.0, 10_019.0);
    assertThat(btc.getVolatility()).isPositive();
    MarketStatistics yes = last(rows, YES, "1h");
    assertThat(yes)
        .extracting(
            MarketStatistics::getBarCount,
            MarketStatistics::getClose,
            MarketStatistics::getLiquidityUsd)
        .containsExactly(15, 0.40 + 19 / 100.0, null);
    assertThat(rows)
        .filteredOn(s -> s.getInstrument().equals(YES) && s.getPeriod().equals("7d"))
        .extracting(s -> (s.getPeriodEndUs() / 1_000 - T0) / MINUTE_MS, s -> s.getBarCount())
        .startsWith(tuple(1L, 1), tuple(2L, 1), tuple(3L, 2));
  }

  private static MarketStatistics last(
      List<MarketStatistics> rows, String instrument, String period) {
    return rows.stream()
        .filter(s -> s.getInstrument().equals(instrument) && s.getPeriod().equals(period))
        .reduce((a, b) -> a.getPeriodEndUs() > b.getPeriodEndUs() ? a : b)
        .orElseThrow();
  }

  private static OhlcBar revision(OhlcBar bar) {
    return OhlcBar.newBuilder(bar).setIsFinal(false).build();
  }
}
