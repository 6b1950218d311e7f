package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.report.BenchmarkReport;
import org.marketflow.benchmarks.report.Rates;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.schemas.avro.Trade;

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
  void measuresAPositiveRateForEachOfTheThree() {
    assertThat(rates(result.raw().stream().map(RawTopicReader.Read::wall).toList()).best())
        .isPositive();
    assertThat(rates(result.dataStream().stream().map(BarsRun::wall).toList()).best()).isPositive();
    assertThat(rates(result.sql().stream().map(BarsRun::wall).toList()).best()).isPositive();
  }

  @Test
  void dataStreamAndSqlProduceEveryBarOfTheSimulatedMarket() {
    long expected = distinctInstrumentMinutes();

    assertThat(result.dataStream()).extracting(BarsRun::bars).containsOnly(expected);
    assertThat(result.sql()).extracting(BarsRun::bars).containsOnly(expected);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void everyTradeIsReadOnceByEachMeasurement() {
    assertThat(result.raw()).extracting(RawTopicReader.Read::records).containsOnly(TRADES);
    assertThat(result.dataStream()).extracting(BarsRun::tradesInBars).containsOnly(TRADES);
    assertThat(result.dataStream()).extracting(BarsRun::deadLetters).containsOnly(0L);
    assertThat(result.sql()).extracting(BarsRun::tradesInBars).containsOnly(TRADES);
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

  /** The bars there must be: one per instrument and minute that has a trade. */
  private static long distinctInstrumentMinutes() {
    TradeTape tape = SyntheticMarket.tape(20, TRADES_PER_SECOND);
    Set<String> bars = new HashSet<>();
    for (long i = 0; i < TRADES; i++) {
      Trade trade = tape.next();
      bars.add(trade.getInstrument() + "@" + trade.getExchangeTimeUs() / 60_000_000L);
    }
    return bars.size();
  }
}
