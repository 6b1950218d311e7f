package org.marketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.benchmarks.analytics.Agreement;
import org.marketflow.benchmarks.analytics.WindowUpdate;
import org.marketflow.benchmarks.flink.AnalyticsRun;
import org.marketflow.benchmarks.flink.DataStreamAnalyticsJob.Output;
import org.marketflow.benchmarks.flink.ExpectedAnalytics;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;

class AnalyticsBenchmarkResultTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final AnalyticsBenchmarkOptions OPTIONS =
      new AnalyticsBenchmarkOptions(60, 10, 2, 2, 2, 3, null);
  private static final ExpectedAnalytics EXPECTED = new ExpectedAnalytics(600, 1_200, 600, 78, 234);
  private static final AnalyticsRun COMPLETE = run(1_200, 234, 600, 7, 3, 0);
  private static final Agreement AGREES = new Agreement(135, 1e-12, 1e-11, 0, 0, 0);

  @Test
  void isCleanWhenTheMatricesAgreeAndEveryOutputIsThere() {
    assertThat(result(AGREES, List.of(COMPLETE, COMPLETE), 600).problems()).isEmpty();
  }

  @Test
  void reportsMatricesBeyondTheToleranceOrDefinedOnOneSideOnly() {
    Agreement differs = new Agreement(135, 2e-9, 1e-11, 0, 1, 0);

    assertThat(result(differs, List.of(COMPLETE), 600).problems())
        .containsExactly(
            "1H pearson: the job's matrices differ from commons-math3's (135 pairs, max |Δρ|"
                + " 2.00e-09, max |Δp| 1.00e-11, 1 defined on one side only, 0 with other"
                + " observations)");
  }

  @Test
  void reportsMissingOutputsDeadLettersAndRunsThatDiffer() {
    AnalyticsRun lossy = run(1_198, 231, 599, 8, 3, 1);

    assertThat(result(AGREES, List.of(COMPLETE, lossy), 599).problems())
        .containsExactly(
            "(a) read 599 records, not 600",
            "(b) volatility: 1198 records, not 1200",
            "(b) correlations: 231 records, not 234",
            "(b) regimes: 599 records, not 600",
            "(b) dead letters: 1 records, not 0",
            "(b) anomalies: different numbers in the runs, [7, 8]");
  }

  /** A run whose outputs received these records, in the order of {@link Output}. */
  private static AnalyticsRun run(long... records) {
    Map<Output, Long> counted = new EnumMap<>(Output.class);
    for (Output output : Output.values()) {
      counted.put(output, records[output.ordinal()]);
    }
    return new AnalyticsRun(SECOND, counted);
  }

  private static AnalyticsBenchmarkResult result(
      Agreement pearson, List<AnalyticsRun> runs, long rawRecords) {
    Map<CorrelationMethod, Agreement> agreement = new EnumMap<>(CorrelationMethod.class);
    Map<CorrelationMethod, List<Duration>> times = new EnumMap<>(CorrelationMethod.class);
    for (CorrelationMethod method : CorrelationMethod.values()) {
      agreement.put(method, method == CorrelationMethod.PEARSON ? pearson : AGREES);
      times.put(method, List.of(SECOND));
    }
    WindowUpdate update =
        new WindowUpdate(CorrelationWindow.H1, 10, 60, List.of(SECOND), times, times, agreement);
    return new AnalyticsBenchmarkResult(
        OPTIONS,
        List.of(update),
        "test",
        new TopicLoader.Load(600, SECOND),
        List.of(new RawTopicReader.Read(rawRecords, 1, SECOND, SECOND)),
        runs,
        EXPECTED,
        SECOND);
  }
}
