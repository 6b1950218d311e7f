package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;

class BenchmarkResultTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

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
  void reportsDifferentBarCountsOfTheTwoJobsOverAllIntervals() {
    BenchmarkResult complete = Results.withBars(340, 340);
    BenchmarkResult result =
        Results.with(
            complete.dataStream(),
            complete.sql(),
            List.of(new BarsRun(SECOND, 20_520, 7_000_000, 0)),
            List.of(new BarsRun(SECOND, 20_519, 7_000_000, 0)),
            complete.fieldCheck());

    assertThat(result.problems())
        .containsExactly(
            "(d) and (e) produced different numbers of bars: (d) [20520], (e) [20519]");
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
            List.of(new RawTopicReader.Read(999_999, 1, SECOND, SECOND)),
            List.of(new BarsRun(SECOND, 340, 999_990, 9)),
            List.of(new BarsRun(SECOND, 340, 999_000, 0)),
            List.of(new BarsRun(SECOND, 20_520, 6_999_930, 9)),
            List.of(new BarsRun(SECOND, 20_520, 6_999_999, 0)),
            complete.fieldCheck(),
            complete.wall());

    assertThat(lossy.problems())
        .containsExactly(
            "(a) read 999999 records, not 1000000",
            "(b) accounted for 999999 trades (bars and dead letters), not 1000000",
            "(c) bars hold 999000 trades, not 1000000",
            "(d) accounted for 6999993 trades (bars and dead letters, in each of 7 intervals), not"
                + " 7000000",
            "(e) bars hold 6999999 trades, not 7000000 (every trade in each of 7 intervals)");
  }

  @Test
  void countsDeadLettersOncePerIntervalOverAllIntervals() {
    BenchmarkResult complete = Results.withBars(340, 340);
    BenchmarkResult result =
        Results.with(
            List.of(new BarsRun(SECOND, 340, 999_998, 2)),
            complete.sql(),
            List.of(new BarsRun(SECOND, 20_520, 6_999_986, 2)),
            complete.sqlAll(),
            complete.fieldCheck());

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void failsOnWhatTheFieldCheckFound() {
    BenchmarkResult result =
        Results.withFieldCheck(Results.fieldCheckFinding(2, 0, 1, List.of("a difference")));

    assertThat(result.problems())
        .containsExactly(
            "field check: 2 of 20520 bars differ between the job and the SQL query",
            "field check: bars only from the SQL query: 1");
  }
}
