package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketflow.benchmarks.analytics.Agreement;
import org.marketflow.benchmarks.analytics.WindowUpdate;
import org.marketflow.benchmarks.flink.AnalyticsRun;
import org.marketflow.benchmarks.flink.DataStreamAnalyticsJob.Output;
import org.marketflow.benchmarks.flink.ExpectedAnalytics;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;

/**
 * Everything one analytics benchmark measured, in run order.
 *
 * @param updates one correlation update of each window, the job's code beside commons-math3's
 * @param kafka which broker served the bars topic
 * @param expected what the job must emit for the loaded bars
 * @param wall the whole run: updates, broker start, load and every measurement
 */
public record AnalyticsBenchmarkResult(
    AnalyticsBenchmarkOptions options,
    List<WindowUpdate> updates,
    String kafka,
    TopicLoader.Load load,
    List<RawTopicReader.Read> raw,
    List<AnalyticsRun> job,
    ExpectedAnalytics expected,
    Duration wall) {

  /** What contradicts a faithful run; empty when the matrices agree and every output is there. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (WindowUpdate update : updates) {
      for (Map.Entry<CorrelationMethod, Agreement> entry : update.agreement().entrySet()) {
        Agreement agreement = entry.getValue();
        if (!agreement.holds()) {
          problems.add(
              String.format(
                  Locale.ROOT,
                  "%s %s: the job's matrices differ from commons-math3's (%d pairs, max |Δρ| %.3g,"
                      + " max |Δp| %.3g, %d defined on one side only, %d with other observations)",
                  update.window().label(),
                  entry.getKey().label(),
                  agreement.pairs(),
                  agreement.maxRhoDifference(),
                  agreement.maxPValueDifference(),
                  agreement.definedOnOneSide(),
                  agreement.observationsDiffer()));
        }
      }
    }
    long bars = expected.bars();
    for (RawTopicReader.Read read : raw) {
      if (read.records() != bars) {
        problems.add("(a) read " + read.records() + " records, not " + bars);
      }
    }
    Map<Output, Long> known = expected.records();
    for (AnalyticsRun run : job) {
      for (Output output : Output.values()) {
        Long records = known.get(output);
        if (records != null && run.of(output) != records) {
          problems.add(
              "(b) " + output.label() + ": " + run.of(output) + " records, not " + records);
        }
      }
    }
    for (Output output : Output.values()) {
      List<Long> counts = job.stream().map(run -> run.of(output)).distinct().toList();
      if (!known.containsKey(output) && counts.size() > 1) {
        problems.add("(b) " + output.label() + ": different numbers in the runs, " + counts);
      }
    }
    return problems;
  }
}
