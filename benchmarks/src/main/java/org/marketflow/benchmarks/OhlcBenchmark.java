package org.marketflow.benchmarks;

import java.util.concurrent.Callable;
import org.marketflow.benchmarks.report.BenchmarkReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench.sh}: loads a topic with simulated trades, then measures the raw Kafka read
 * rate, and the OHLC job and the equivalent Flink SQL query for 1-minute bars and for all seven
 * intervals on it, compares the job's bars with the query's field by field, and prints a report.
 * Exits 1 when the bar computations disagree.
 */
@Command(
    name = "bench.sh",
    sortOptions = false,
    description =
        "Throughput of jobs-ohlc's bars (1 minute, and all seven intervals) against raw Kafka"
            + " reads and Flink SQL; the job's bars checked against the SQL query's, field by"
            + " field.")
public final class OhlcBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaRunOptions run;

  @Option(
      names = "--trades",
      defaultValue = "10000000",
      description = "Trades loaded into the topic (default ${DEFAULT-VALUE}).")
  long trades;

  @Option(
      names = "--trades-per-second",
      defaultValue = "1000",
      description =
          "Event-time rate of the simulated market; with --trades it sets the number of bars"
              + " (default ${DEFAULT-VALUE}).")
  double tradesPerSecond;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  BenchmarkOptions options() {
    return new BenchmarkOptions(
        trades,
        run.instruments,
        run.partitions,
        run.parallelism(),
        run.runs,
        tradesPerSecond,
        run.bootstrapServers);
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    BenchmarkResult result = new BenchmarkRunner(options()).run();
    return BenchmarkCommand.finish(
        spec,
        loadAtStart,
        environment -> BenchmarkReport.format(result, environment),
        result.problems());
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new OhlcBenchmark(), args));
  }
}
