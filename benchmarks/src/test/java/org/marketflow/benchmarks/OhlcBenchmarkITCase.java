package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.flink.BarComparison;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.report.BenchmarkReport;
import org.marketflow.benchmarks.report.Rates;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.bars.BarInterval;

/** The whole harness on a small topic: proves it works, says nothing about speed. */
class OhlcBenchmarkITCase {

  private static final long TRADES = 20_000;
  // A slow market spreads the trades over a few minutes, so there are several bars per instrument.
  private static final double TRADES_PER_SECOND = 100;
  private static final BenchmarkOptions OPTIONS =
      new BenchmarkOptions(TRADES, 20, 2, 2, 1, TRADES_PER_SECOND, null);

  private static BenchmarkResult result;

  @BeforeAll
  static void runTheHarness() throws Exception {
    result = new BenchmarkRunner(OPTIONS).run();
  }

  @Test
  void measuresAPositiveRateForEachOfTheFive() {
    assertThat(rates(result.raw().stream().map(RawTopicReader.Read::wall).toList()).best())
        .isPositive();
    for (List<BarsRun> runs :
        List.of(result.dataStream(), result.sql(), result.dataStreamAll(), result.sqlAll())) {
      assertThat(rates(runs.stream().map(BarsRun::wall).toList()).best()).isPositive();
    }
  }

  @Test
  void dataStreamAndSqlProduceEveryBarOfTheSimulatedMarket() {
    long minutes = expectedBars().get("1m");
    long allIntervals = expectedBars().values().stream().mapToLong(Long::longValue).sum();

    assertThat(result.dataStream()).extracting(BarsRun::bars).containsOnly(minutes);
    assertThat(result.sql()).extracting(BarsRun::bars).containsOnly(minutes);
    assertThat(result.dataStreamAll()).extracting(BarsRun::bars).containsOnly(allIntervals);
    assertThat(result.sqlAll()).extracting(BarsRun::bars).containsOnly(allIntervals);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void everyTradeIsReadOnceByEachMeasurement() {
    assertThat(result.raw()).extracting(RawTopicReader.Read::records).containsOnly(TRADES);
    assertThat(result.dataStream()).extracting(BarsRun::tradesInBars).containsOnly(TRADES);
    assertThat(result.dataStream()).extracting(BarsRun::deadLetters).containsOnly(0L);
    assertThat(result.sql()).extracting(BarsRun::tradesInBars).containsOnly(TRADES);
    assertThat(result.dataStreamAll()).extracting(BarsRun::tradesInBars).containsOnly(7 * TRADES);
    assertThat(result.dataStreamAll()).extracting(BarsRun::deadLetters).containsOnly(0L);
    assertThat(result.sqlAll()).extracting(BarsRun::tradesInBars).containsOnly(7 * TRADES);
  }

  @Test
  void comparesEveryBarOfEachIntervalFieldByField() {
    BarComparison.Result check = result.fieldCheck();

    assertThat(check.compared()).isEqualTo(expectedBars());
    assertThat(check.tradesInJobBars().values()).containsOnly(TRADES);
    assertThat(check.mismatched()).isZero();
    assertThat(check.onlyFromJob()).isZero();
    assertThat(check.onlyFromSql()).isZero();
    assertThat(check.shown()).isEmpty();
  }

  @Test
  void checksTheSqlDecodingOfTheFirstRecordsOfEachPartition() {
    assertThat(result.decodingChecked()).isEqualTo(6);
  }

  @Test
  void reportsTheAgreement() {
    String report =
        BenchmarkReport.format(
            result, RunEnvironment.current(OhlcBenchmark.class, new String[0], 0));

    assertThat(report).contains("Check         OK").doesNotContain("FAILED");
  }

  private static Rates rates(List<java.time.Duration> walls) {
    return Rates.of(TRADES, walls);
  }

  /** The bars there must be, per interval: one per instrument and bucket that has a trade. */
  private static Map<String, Long> expectedBars() {
    TradeTape tape = SyntheticMarket.tape(20, TRADES_PER_SECOND);
    Map<String, Set<String>> bars = new LinkedHashMap<>();
    for (BarInterval interval : BarInterval.values()) {
      bars.put(interval.code(), new HashSet<>());
    }
    for (long i = 0; i < TRADES; i++) {
      Trade trade = tape.next();
      for (BarInterval interval : BarInterval.values()) {
        bars.get(interval.code())
            .add(trade.getInstrument() + "@" + interval.bucketStartUs(trade.getExchangeTimeUs()));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    bars.forEach((interval, keys) -> counts.put(interval, (long) keys.size()));
    return counts;
  }
}
