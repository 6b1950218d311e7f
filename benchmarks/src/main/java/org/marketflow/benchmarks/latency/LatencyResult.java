package org.marketflow.benchmarks.latency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One latency run: what was published, what arrived and how long it took.
 *
 * @param published book updates published, warm-up included
 * @param achievedRate updates per second the publisher kept up
 * @param latencies receive time to tick in Redis
 * @param wall the whole run
 */
public record LatencyResult(
    LatencyOptions options,
    String kafka,
    long published,
    double achievedRate,
    Latencies latencies,
    Duration wall) {

  /** Why the run does not stand for the rate and latency asked, if it does not. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (achievedRate < 0.98 * options.rate()) {
      problems.add(
          String.format(
              "the publisher kept up %.0f updates/s, not the %.0f asked",
              achievedRate, options.rate()));
    }
    if (latencies.all().getTotalCount() == 0) {
      problems.add("no tick of a measured update reached Redis");
    }
    if (latencies.unmatched() > 0) {
      problems.add(latencies.unmatched() + " ticks of updates that were never published");
    }
    return problems;
  }
}
