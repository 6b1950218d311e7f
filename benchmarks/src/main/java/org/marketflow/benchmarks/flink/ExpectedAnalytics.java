package org.marketflow.benchmarks.flink;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.marketflow.jobs.analytics.AnalyticsJob;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * What the analytics job must emit for the loaded bars, worked out without Flink from
 * docs/jobs/analytics.md: a volatility record per bar and volatility window, a regime record per
 * bar, and per correlation window one matrix of each method at every sampling step holding a bar
 * once two instruments have had one (the bars are final, 1-minute, valid and in time order, and no
 * instrument misses a whole window, so none is refused, left out or evicted).
 *
 * @param bars the bars loaded
 * @param steps the correlation steps with matrices, all windows together
 */
public record ExpectedAnalytics(
    long bars, long volatility, long regimes, long steps, long correlations) {

  /**
   * The outputs whose counts are known: volatility, regimes, correlations, and no dead letter. The
   * anomalies and the regime edges depend on the data; each run must give the same.
   */
  public Map<DataStreamAnalyticsJob.Output, Long> records() {
    return Map.of(
        DataStreamAnalyticsJob.Output.VOLATILITY, volatility,
        DataStreamAnalyticsJob.Output.REGIMES, regimes,
        DataStreamAnalyticsJob.Output.CORRELATIONS, correlations,
        DataStreamAnalyticsJob.Output.DEAD_LETTERS, 0L);
  }

  public static ExpectedAnalytics of(List<OhlcBar> bars, AnalyticsJob.Settings settings) {
    long steps = 0;
    for (CorrelationWindow window : settings.correlationWindows()) {
      // Each step's instruments, by the step's end.
      TreeMap<Long, Set<String>> byStep = new TreeMap<>();
      for (OhlcBar bar : bars) {
        long startMs = Math.floorDiv(bar.getBucketStartUs(), 1_000L);
        long boundary =
            Math.floorDiv(startMs, window.samplingMs()) * window.samplingMs() + window.samplingMs();
        byStep.computeIfAbsent(boundary, b -> new HashSet<>()).add(bar.getInstrument());
      }
      Set<String> seen = new HashSet<>();
      for (Set<String> instruments : byStep.values()) {
        seen.addAll(instruments);
        if (seen.size() >= 2) {
          steps++;
        }
      }
    }
    long n = bars.size();
    return new ExpectedAnalytics(
        n,
        n * settings.volatilityWindows().size(),
        n,
        steps,
        steps * CorrelationMethod.values().length);
  }
}
