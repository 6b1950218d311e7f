package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.marketflow.benchmarks.latency.LatencyOptions;
import org.marketflow.benchmarks.latency.LatencyResult;
import org.marketflow.benchmarks.latency.LatencyRunner;
import org.marketflow.benchmarks.report.LatencyReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-microstructure-latency.sh}: runs jobs-microstructure with its Redis sink,
 * publishes simulated book updates at a steady rate, and reports the latency from each update's
 * receive time to its tick in Redis. Exits 1 when the publisher could not keep the rate or no tick
 * was measured.
 */
@Command(
    name = "bench-microstructure-latency.sh",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description =
        "Latency of jobs-microstructure from a book update's receive time to its tick in Redis.")
public final class MicrostructureLatencyBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--redis-url",
      required = true,
      description = "The Redis the job writes to and the benchmark subscribes to.")
  String redisUrl;

  @Option(
      names = "--rate",
      defaultValue = "50000",
      description = "Book updates published per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Measured seconds (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "30",
      description = "Seconds published before the measured ones (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--instruments",
      defaultValue = "20",
      description = "Simulated books (default ${DEFAULT-VALUE}).")
  int instruments;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description =
          "Partitions of every topic, and the Flink parallelism (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--out-of-orderness-ms",
      defaultValue = "0",
      description = "The job's watermark.out-of-orderness, ms (default ${DEFAULT-VALUE}).")
  long outOfOrdernessMs;

  @Option(
      names = "--watermark-interval-ms",
      defaultValue = "5",
      description = "The job's watermark.interval, ms (default ${DEFAULT-VALUE}).")
  long watermarkIntervalMs;

  @Option(
      names = "--buffer-timeout-ms",
      defaultValue = "5",
      description = "The job's network.buffer-timeout, ms (default ${DEFAULT-VALUE}).")
  long bufferTimeoutMs;

  @Option(
      names = "--redis-flush-interval-ms",
      defaultValue = "5",
      description = "The job's redis.flush-interval, ms (default ${DEFAULT-VALUE}).")
  long redisFlushIntervalMs;

  @Option(
      names = "--publisher-linger-ms",
      defaultValue = "5",
      description =
          "The feed handler's producer linger (ingest --linger-ms), ms (default"
              + " ${DEFAULT-VALUE}).")
  long publisherLingerMs;

  @Option(
      names = "--kafka-delivery",
      defaultValue = "EXACTLY_ONCE",
      description =
          "The job's sink.kafka.delivery: EXACTLY_ONCE (transactions committed on checkpoints) or"
              + " AT_LEAST_ONCE (default ${DEFAULT-VALUE}).")
  DeliveryGuarantee kafkaDelivery;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  LatencyOptions options() {
    OptionChecks.requireRate("--rate", rate);
    OptionChecks.requirePositive("--seconds", seconds);
    OptionChecks.requirePositive("--warmup-seconds", warmupSeconds);
    OptionChecks.common(instruments, partitions, partitions, 1, null);
    OptionChecks.requirePositive("--watermark-interval-ms", watermarkIntervalMs);
    OptionChecks.requireNonNegative("--buffer-timeout-ms", bufferTimeoutMs);
    OptionChecks.requirePositive("--redis-flush-interval-ms", redisFlushIntervalMs);
    OptionChecks.requireNonNegative("--out-of-orderness-ms", outOfOrdernessMs);
    OptionChecks.requireNonNegative("--publisher-linger-ms", publisherLingerMs);
    return new LatencyOptions(
        rate,
        Duration.ofSeconds(warmupSeconds),
        Duration.ofSeconds(seconds),
        instruments,
        partitions,
        partitions,
        redisUrl,
        Duration.ofMillis(outOfOrdernessMs),
        Duration.ofMillis(watermarkIntervalMs),
        Duration.ofMillis(bufferTimeoutMs),
        Duration.ofMillis(redisFlushIntervalMs),
        kafkaDelivery,
        Duration.ofMillis(publisherLingerMs));
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    LatencyResult result = new LatencyRunner(options()).run();
    return BenchmarkCommand.finish(
        spec,
        loadAtStart,
        environment -> LatencyReport.format(result, environment),
        result.problems());
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new MicrostructureLatencyBenchmark(), args));
  }
}
