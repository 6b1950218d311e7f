package org.marketflow.benchmarks;

/**
 * What one benchmark run does, validated.
 *
 * @param trades trades loaded into the topic and read by every measurement
 * @param instruments simulated instruments, {@code SIM:I000} onwards
 * @param partitions partitions of the trades topic
 * @param parallelism Flink parallelism and number of raw consumer threads
 * @param runs how often each measurement is repeated
 * @param tradesPerSecond event-time rate of the simulated market; sets how many bars there are
 * @param bootstrapServers an existing Kafka cluster, or null for an in-process broker
 */
public record BenchmarkOptions(
    long trades,
    int instruments,
    int partitions,
    int parallelism,
    int runs,
    double tradesPerSecond,
    String bootstrapServers) {

  public static final long DEFAULT_TRADES = 10_000_000L;
  public static final int DEFAULT_INSTRUMENTS = 20;
  public static final int DEFAULT_PARTITIONS = 2;
  public static final int DEFAULT_RUNS = 3;
  public static final double DEFAULT_TRADES_PER_SECOND = 1_000;

  public BenchmarkOptions {
    OptionChecks.requirePositive("--trades", trades);
    OptionChecks.common(instruments, partitions, parallelism, runs, bootstrapServers);
    OptionChecks.requireRate("--trades-per-second", tradesPerSecond);
  }

  /** The defaults, with {@code trades} trades: what tests start from. */
  public static BenchmarkOptions withTrades(long trades) {
    return new BenchmarkOptions(
        trades,
        DEFAULT_INSTRUMENTS,
        DEFAULT_PARTITIONS,
        DEFAULT_PARTITIONS,
        DEFAULT_RUNS,
        DEFAULT_TRADES_PER_SECOND,
        null);
  }

  public boolean embeddedKafka() {
    return bootstrapServers == null;
  }
}
