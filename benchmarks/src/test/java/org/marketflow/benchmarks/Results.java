package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.benchmarks.flink.BarComparison;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.flink.DataStreamBarsJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.marketflow.schemas.bars.BarInterval;

/** Fixtures: a run of 1,000,000 trades, one measurement each, with round wall times. */
public final class Results {

  public static final long TRADES = 1_000_000L;

  /** Bars of all seven intervals: 1,000 s of market for 20 instruments. */
  public static final long ALL_BARS = 20_000 + 340 + 80 + 40 + 20 + 20 + 20;

  private Results() {}

  public static BenchmarkResult withBars(long dataStreamBars, long sqlBars) {
    return with(
        List.of(new BarsRun(Duration.ofSeconds(5), dataStreamBars, TRADES, 0)),
        List.of(new BarsRun(Duration.ofSeconds(2), sqlBars, TRADES, 0)),
        List.of(new BarsRun(Duration.ofSeconds(10), ALL_BARS, 7 * TRADES, 0)),
        List.of(new BarsRun(Duration.ofSeconds(4), ALL_BARS, 7 * TRADES, 0)),
        agreeingFieldCheck());
  }

  /** A result of these measurements and this field check; 1 of each, round wall times elsewhere. */
  public static BenchmarkResult with(
      List<BarsRun> dataStream,
      List<BarsRun> sql,
      List<BarsRun> dataStreamAll,
      List<BarsRun> sqlAll,
      BarComparison.Result fieldCheck) {
    BenchmarkOptions options = new BenchmarkOptions(TRADES, 20, 2, 2, 1, 1_000, null);
    return new BenchmarkResult(
        options,
        "in-process Kafka",
        new TopicLoader.Load(TRADES, Duration.ofSeconds(4)),
        6,
        List.of(
            new RawTopicReader.Read(
                TRADES, 60_000_000L, Duration.ofMillis(500), Duration.ofMillis(400))),
        dataStream,
        sql,
        dataStreamAll,
        sqlAll,
        fieldCheck,
        Duration.ofSeconds(30));
  }

  /**
   * The agreeing field check's bars, of which {@code mismatched} differ and others are one-sided.
   */
  public static BarComparison.Result fieldCheckFinding(
      long mismatched, long onlyFromJob, long onlyFromSql, List<String> shown) {
    BarComparison.Result agreeing = agreeingFieldCheck();
    return new BarComparison.Result(
        agreeing.compared(),
        agreeing.tradesInJobBars(),
        agreeing.trades(),
        mismatched,
        onlyFromJob,
        onlyFromSql,
        0,
        shown);
  }

  /** A complete result whose field check is {@code fieldCheck}. */
  public static BenchmarkResult withFieldCheck(BarComparison.Result fieldCheck) {
    BenchmarkResult complete = withBars(340, 340);
    return with(
        complete.dataStream(),
        complete.sql(),
        complete.dataStreamAll(),
        complete.sqlAll(),
        fieldCheck);
  }

  /** Every bar of the seven intervals on both sides, equal, each interval's holding every trade. */
  public static BarComparison.Result agreeingFieldCheck() {
    Map<String, Long> compared = new LinkedHashMap<>();
    Map<String, Long> trades = new LinkedHashMap<>();
    long[] bars = {20_000, 340, 80, 40, 20, 20, 20};
    List<BarInterval> intervals = DataStreamBarsJob.DEFAULT_INTERVALS;
    for (int i = 0; i < intervals.size(); i++) {
      compared.put(intervals.get(i).code(), bars[i]);
      trades.put(intervals.get(i).code(), TRADES);
    }
    return new BarComparison.Result(compared, trades, TRADES, 0, 0, 0, 0, List.of());
  }
}
