package org.marketflow.benchmarks;

import picocli.CommandLine.Option;

/** The options both Kafka benchmarks take: the market's size, the topic, Flink and the runs. */
public final class KafkaRunOptions {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--instruments",
      defaultValue = "20",
      description = "Simulated instruments SIM:I000.. (default ${DEFAULT-VALUE}).")
  int instruments;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions of the loaded topic (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--parallelism",
      description = "Flink parallelism and raw consumer threads (default: --partitions).")
  Integer parallelism;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Repetitions of each measurement, interleaved (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--bootstrap-servers",
      description = "Use this Kafka instead of an in-process broker (fresh topics are deleted).")
  String bootstrapServers;

  /** {@code --parallelism}, or {@code --partitions} when it is not given. */
  int parallelism() {
    return parallelism == null ? partitions : parallelism;
  }
}
