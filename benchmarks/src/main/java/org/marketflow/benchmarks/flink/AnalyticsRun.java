package org.marketflow.benchmarks.flink;

import java.time.Duration;
import java.util.Map;

/**
 * One finished run of the analytics job: what each of its outputs received.
 *
 * @param wall from submitting the job to its result
 */
public record AnalyticsRun(Duration wall, Map<DataStreamAnalyticsJob.Output, Long> records) {

  public AnalyticsRun {
    records = Map.copyOf(records);
  }

  /** The records {@code output} received. */
  public long of(DataStreamAnalyticsJob.Output output) {
    return records.getOrDefault(output, 0L);
  }
}
