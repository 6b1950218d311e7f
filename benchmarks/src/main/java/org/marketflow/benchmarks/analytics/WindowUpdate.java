package org.marketflow.benchmarks.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;

/**
 * One correlation window's measured updates for a number of instruments, each on a full window.
 *
 * @param returns returns per instrument in the window (its steps)
 * @param step per measured update: the job's whole step ({@code CorrelationAnalytics.step}: the new
 *     return row, the Pearson sums, the three matrices with p-values, changes, clusters, records)
 * @param jobMethods per method and update: the job's correlation code alone (Pearson: the running
 *     sums continued by the row, then ρ and p of every pair; Spearman: each series ranked once,
 *     then ρ and p of every pair; Kendall: {@code Correlations.of} on every pair)
 * @param batch per method and update: commons-math3's batch recomputation of the same ρ and p
 * @param agreement per method: the job's matrices against the batch ones, over every measured
 *     update
 */
public record WindowUpdate(
    CorrelationWindow window,
    int instruments,
    int returns,
    List<Duration> step,
    Map<CorrelationMethod, List<Duration>> jobMethods,
    Map<CorrelationMethod, List<Duration>> batch,
    Map<CorrelationMethod, Agreement> agreement) {

  /** The middle of {@code durations} in ms; with an even number, the mean of the middle two. */
  public static double medianMs(List<Duration> durations) {
    double[] ms = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
    int middle = ms.length / 2;
    return ms.length % 2 == 1 ? ms[middle] : (ms[middle - 1] + ms[middle]) / 2;
  }

  public double stepMs() {
    return medianMs(step);
  }

  public double jobMs(CorrelationMethod method) {
    return medianMs(jobMethods.get(method));
  }

  public double batchMs(CorrelationMethod method) {
    return medianMs(batch.get(method));
  }

  /** The three methods' batch recomputations together. */
  public double batchMs() {
    return batch.keySet().stream().mapToDouble(this::batchMs).sum();
  }
}
