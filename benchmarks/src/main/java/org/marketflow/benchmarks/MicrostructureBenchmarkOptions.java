package org.marketflow.benchmarks;

/**
 * What one run of the microstructure benchmark does, validated.
 *
 * @param updates book updates loaded into the topic and read by every measurement
 * @param instruments simulated instruments, {@code SIM:I000} onwards, each with its book
 * @param partitions partitions of the book topic
 * @param parallelism Flink parallelism and number of raw consumer threads
 * @param runs how often each measurement is repeated
 * @param eventsPerSecond the simulator's market events per second of event time, all books
 *     together; sets how many seconds of market, and so microstructure rows, there are
 * @param bootstrapServers an existing Kafka cluster, or null for an in-process broker
 */
public record MicrostructureBenchmarkOptions(
    long updates,
    int instruments,
    int partitions,
    int parallelism,
    int runs,
    double eventsPerSecond,
    String bootstrapServers) {

  public static final long DEFAULT_UPDATES = 6_000_000L;
  public static final double DEFAULT_EVENTS_PER_SECOND = 10_000;

  /** The job's throughput target, book updates/s at parallelism 2 (issue 7). */
  public static final double TARGET_UPDATES_PER_SECOND = 1_000_000;

  /** The job's target share of the raw Kafka read rate of the same topic (issue 7). */
  public static final double TARGET_SHARE_OF_RAW = 0.5;

  public MicrostructureBenchmarkOptions {
    OptionChecks.requirePositive("--updates", updates);
    OptionChecks.common(instruments, partitions, parallelism, runs, bootstrapServers);
    OptionChecks.requireRate("--events-per-second", eventsPerSecond);
  }
}
