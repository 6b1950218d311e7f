package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.analytics.Agreement;
import org.marketflow.benchmarks.analytics.WindowUpdate;
import org.marketflow.benchmarks.flink.DataStreamAnalyticsJob.Output;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.report.AnalyticsReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;

/** The whole harness on a small market: proves it works, says nothing about speed. */
class AnalyticsBenchmarkITCase {

  private static final int MINUTES = 30;
  private static final int INSTRUMENTS = 5;
  private static final int UPDATES = 2;
  private static final AnalyticsBenchmarkOptions OPTIONS =
      new AnalyticsBenchmarkOptions(MINUTES, INSTRUMENTS, 2, 2, 2, UPDATES, null);

  /** Every instrument trades every minute (20 trades a minute on average). */
  private static final long BARS = (long) INSTRUMENTS * MINUTES;

  private static AnalyticsBenchmarkResult result;

  @BeforeAll
  static void runTheHarness() throws Exception {
    result = new AnalyticsBenchmarkRunner(OPTIONS).run();
  }

  @Test
  void theJobsMatricesOfEveryWindowAndMethodEqualCommonsMathsOverTheSameReturns() {
    assertThat(result.updates())
        .extracting(WindowUpdate::window)
        .containsExactly(CorrelationWindow.values());
    long pairs = (long) UPDATES * INSTRUMENTS * (INSTRUMENTS - 1) / 2;
    for (WindowUpdate update : result.updates()) {
      assertThat(update.returns()).isEqualTo(update.window().steps());
      assertThat(update.step()).hasSize(UPDATES).allSatisfy(d -> assertThat(d).isPositive());
      for (CorrelationMethod method : CorrelationMethod.values()) {
        Agreement agreement = update.agreement().get(method);
        assertThat(agreement.pairs()).isEqualTo(pairs);
        assertThat(agreement.undefined()).isZero();
        assertThat(agreement.holds()).isTrue();
        assertThat(update.batch().get(method)).hasSize(UPDATES);
        assertThat(update.jobMethods().get(method)).hasSize(UPDATES);
      }
    }
  }

  @Test
  void everyBarIsReadByTheRawConsumersInEveryRun() {
    assertThat(result.expected().bars()).isEqualTo(BARS);
    assertThat(result.raw()).hasSize(2);
    assertThat(result.raw()).extracting(RawTopicReader.Read::records).containsOnly(BARS);
    assertThat(result.raw())
        .allSatisfy(read -> assertThat(read.wall()).isGreaterThan(read.fromFirstRecord()));
  }

  @Test
  void theJobEmitsEveryExpectedRecordInEveryRun() {
    // 30 minutes from 00:00: 1H steps every minute (30), 4H every 5 (6), 24H every 15 (2), 7D
    // and 30D once; three methods each.
    long matrices = (30 + 6 + 2 + 1 + 1) * 3;
    assertThat(result.expected().correlations()).isEqualTo(matrices);
    assertThat(result.job()).hasSize(2);
    assertThat(result.job()).extracting(run -> run.of(Output.VOLATILITY)).containsOnly(BARS * 2);
    assertThat(result.job()).extracting(run -> run.of(Output.REGIMES)).containsOnly(BARS);
    assertThat(result.job()).extracting(run -> run.of(Output.CORRELATIONS)).containsOnly(matrices);
    assertThat(result.job()).extracting(run -> run.of(Output.DEAD_LETTERS)).containsOnly(0L);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void reportsTheAgreement() {
    String report =
        AnalyticsReport.format(
            result, RunEnvironment.current(AnalyticsBenchmark.class, new String[0], 0));

    assertThat(report)
        .contains("Check         OK")
        .contains("30D ")
        .contains("Every window")
        .doesNotContain("FAILED");
  }
}
