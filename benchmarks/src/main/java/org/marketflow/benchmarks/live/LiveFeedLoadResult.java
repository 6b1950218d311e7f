package org.marketflow.benchmarks.live;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.marketflow.benchmarks.report.LiveFeedReport;
import org.marketflow.benchmarks.report.RunEnvironment;

/**
 * What a {@link LiveFeedLoad} run measured.
 *
 * @param published trades published in the measured window
 * @param delivered messages received by all clients together in the measured window
 * @param latencyMicros receive time to delivery of each measured message, microseconds
 * @param droppedClients clients the service closed during the run
 * @param service where the service ran and what it read
 */
public record LiveFeedLoadResult(
    LiveFeedLoadOptions options,
    long published,
    long delivered,
    Histogram latencyMicros,
    int droppedClients,
    String service) {

  public double deliveredPerSecond() {
    return delivered / (double) options.measured().toMillis() * 1000.0;
  }

  public double publishedPerSecond() {
    return published / (double) options.measured().toMillis() * 1000.0;
  }

  /** What makes the figures worthless: a dropped client, or nothing measured. */
  public List<String> problems() {
    if (droppedClients > 0) {
      return List.of(droppedClients + " clients were dropped by the service (slow or silent)");
    }
    if (delivered == 0) {
      return List.of("no message was delivered in the measured window");
    }
    return List.of();
  }

  public String report(RunEnvironment environment) {
    return LiveFeedReport.format(this, environment);
  }
}
