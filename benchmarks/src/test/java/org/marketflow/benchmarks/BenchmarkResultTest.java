package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;

class BenchmarkResultTest {

  @Test
  void isConsistentWhenBothJobsMadeTheSameBarsFromEveryTrade() {
    BenchmarkResult result = Results.withBars(340, 340);

    assertThat(result.problems()).isEmpty();
    assertThat(result.consistent()).isTrue();
  }

  @Test
  void reportsDifferentBarCountsOfTheTwoJobs() {
    assertThat(Results.withBars(340, 339).problems())
        .containsExactly("(b) and (c) produced different numbers of bars: (b) [340], (c) [339]");
  }

  @Test
  void reportsTradesMissingFromTheBarsOrTheRawRead() {
    BenchmarkResult complete = Results.withBars(340, 340);
    BenchmarkResult lossy =
        new BenchmarkResult(
            complete.options(),
            complete.kafka(),
            complete.load(),
            complete.decodingChecked(),
            List.of(new RawTopicReader.Read(999_999, 1, Duration.ofSeconds(1))),
            List.of(new BarsRun(Duration.ofSeconds(1), 340, 999_990, 9)),
            List.of(new BarsRun(Duration.ofSeconds(1), 340, 999_000, 0)),
            complete.wall());

    assertThat(lossy.problems())
        .containsExactly(
            "(a) read 999999 records, not 1000000",
            "(b) accounted for 999999 trades (bars and dead letters), not 1000000",
            "(c) bars hold 999000 trades, not 1000000");
  }
}
