package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.List;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;

/** Fixtures: a run of 1,000,000 trades, one measurement each, with round wall times. */
public final class Results {

  public static final long TRADES = 1_000_000L;

  private Results() {}

  public static BenchmarkResult withBars(long dataStreamBars, long sqlBars) {
    BenchmarkOptions options = new BenchmarkOptions(TRADES, 20, 2, 2, 1, 1_000, null);
    return new BenchmarkResult(
        options,
        "in-process Kafka",
        new TopicLoader.Load(TRADES, Duration.ofSeconds(4)),
        6,
        List.of(new RawTopicReader.Read(TRADES, 60_000_000L, Duration.ofMillis(500))),
        List.of(new BarsRun(Duration.ofSeconds(5), dataStreamBars, TRADES, 0)),
        List.of(new BarsRun(Duration.ofSeconds(2), sqlBars, TRADES, 0)),
        Duration.ofSeconds(30));
  }
}
