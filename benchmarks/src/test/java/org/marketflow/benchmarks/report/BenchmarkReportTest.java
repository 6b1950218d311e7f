package org.marketflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.Results;

class BenchmarkReportTest {

  private static final RunEnvironment ENVIRONMENT =
      new RunEnvironment(
          "scripts/bench.sh --trades 1000000",
          2,
          "17.0.15+6",
          "OpenJDK 64-Bit Server VM",
          4L << 30,
          List.of("-Xmx4g"),
          "Linux 6.1.0 amd64",
          0.25,
          1.5);

  @Test
  void showsTheSetUpTheFiguresDependOn() {
    String report = BenchmarkReport.format(Results.withBars(340, 340), ENVIRONMENT);

    assertThat(report)
        .contains("Command       scripts/bench.sh --trades 1000000")
        .contains("2 available processors")
        .contains("Load average  0.25 at start, 1.50 at end")
        .contains("Java 17.0.15+6 (OpenJDK 64-Bit Server VM), max heap 4,096 MB, options: -Xmx4g")
        .contains("1,000,000 from 20 instruments SIM:I000..SIM:I019")
        .contains("2 partitions on in-process Kafka; 60.0 MB of keys and values")
        .contains("parallelism 2");
  }

  @Test
  void showsEachRateAndTheRatios() {
    String report = BenchmarkReport.format(Results.withBars(340, 340), ENVIRONMENT);

    assertThat(report)
        .contains("1,000,000 trades in 4.00 s = 250,000 trades/s")
        .containsPattern("\\(a\\) raw KafkaConsumer x2 +2,000,000 +2,000,000 +2,000,000")
        .containsPattern("\\(b\\) OhlcJob.compute, 1m +200,000 +200,000 +200,000")
        .containsPattern("\\(c\\) Flink SQL window TVF, 1m +500,000 +500,000 +500,000")
        .containsPattern("\\(d\\) OhlcJob.compute, 7 intervals +100,000 +100,000 +100,000")
        .containsPattern("\\(e\\) Flink SQL cascade, 7 intervals +250,000 +250,000 +250,000")
        .contains("b/a 0.100 median, 0.100 best    b/c 0.400 median, 0.400 best")
        .contains("d/e 0.400 median, 0.400 best    d/b 0.500 median, 0.500 best");
  }

  @Test
  void confirmsAgreeingBarCounts() {
    String report = BenchmarkReport.format(Results.withBars(340, 340), ENVIRONMENT);

    assertThat(report)
        .contains("Bars (1m)     (b) 340 final bars holding 1,000,000 trades, 0 dead letters")
        .contains("(c) 340 bars holding 1,000,000 trades")
        .contains("Bars (7)      (d) 20,520 final bars holding 7,000,000 trades, 0 dead letters")
        .contains("(e) 20,520 bars holding 7,000,000 trades")
        .contains(
            "Check         OK: (b) and (c), and (d) and (e), produced the same number of bars");
  }

  @Test
  void showsTheBarsComparedPerIntervalAndTheFirstDifferences() {
    String report =
        BenchmarkReport.format(
            Results.withFieldCheck(
                Results.fieldCheckFinding(
                    2,
                    1,
                    0,
                    List.of(
                        "SIM:I000 1m 2025-01-01T00:01:00Z differs: close job 101.0, SQL 101.25"))),
            ENVIRONMENT);

    assertThat(report)
        .contains(
            "Field check   1s 20,000, 1m 340, 5m 80, 15m 40, 1h 20, 4h 20, 1d 20 bars of (d) and"
                + " (e) compared")
        .contains("2 differ, 1 only from the job, 0 only from SQL")
        .contains("              SIM:I000 1m 2025-01-01T00:01:00Z differs: close job 101.0")
        .contains(
            "Check         FAILED: field check: 2 of 20520 bars differ between the job and the"
                + " SQL query")
        .contains("Check         FAILED: field check: bars only from the job: 1");
  }

  @Test
  void flagsDisagreeingBarCounts() {
    String report = BenchmarkReport.format(Results.withBars(340, 339), ENVIRONMENT);

    assertThat(report)
        .contains(
            "Check         FAILED: (b) and (c) produced different numbers of bars: (b) [340],"
                + " (c) [339]");
  }
}
