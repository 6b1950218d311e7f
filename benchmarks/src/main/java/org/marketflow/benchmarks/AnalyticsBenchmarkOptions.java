package org.marketflow.benchmarks;

/**
 * What one run of the analytics benchmark does, validated.
 *
 * @param minutes minutes of simulated market loaded into the bars topic: one final 1-minute bar per
 *     instrument and minute
 * @param instruments simulated instruments, {@code SIM:I000} onwards, in the topic and in every
 *     correlation update
 * @param partitions partitions of the bars topic
 * @param parallelism Flink parallelism and number of raw consumer threads
 * @param runs how often the throughput measurements are repeated
 * @param updates measured updates of each correlation window
 * @param bootstrapServers an existing Kafka cluster, or null for an in-process broker
 */
public record AnalyticsBenchmarkOptions(
    int minutes,
    int instruments,
    int partitions,
    int parallelism,
    int runs,
    int updates,
    String bootstrapServers) {

  public static final int DEFAULT_INSTRUMENTS = 100;

  /** Unmeasured updates of each window before the measured ones (see CorrelationUpdates). */
  public static final int WARM_UPS = 3;

  public AnalyticsBenchmarkOptions {
    OptionChecks.requirePositive("--minutes", minutes);
    OptionChecks.requirePositive("--updates", updates);
    OptionChecks.common(instruments, partitions, parallelism, runs, bootstrapServers);
    if (instruments < 2) {
      throw new IllegalArgumentException(
          "--instruments must be at least 2 for a correlation, not " + instruments);
    }
  }
}
