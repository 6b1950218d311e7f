package org.marketflow.benchmarks;

import java.util.concurrent.Callable;
import org.marketflow.benchmarks.report.BenchmarkReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench.sh}: loads a topic with simulated trades, then measures the raw Kafka read
 * rate, the OHLC job and the equivalent Flink SQL query on it, and prints a report. Exits 1 when
 * the two bar computations disagree.
 */
@Command(
    name = "bench.sh",
    sortOptions = false,
    description = "Throughput of jobs-ohlc's 1-minute bars against raw Kafka reads and Flink SQL.")
public final class OhlcBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--trades",
      defaultValue = "10000000",
      description = "Trades loaded into the topic (default ${DEFAULT-VALUE}).")
  long trades;

  @Option(
      names = "--instruments",
      defaultValue = "20",
      description = "Simulated instruments SIM:I000.. (default ${DEFAULT-VALUE}).")
  int instruments;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions of the trades topic (default ${DEFAULT-VALUE}).")
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
      names = "--trades-per-second",
      defaultValue = "1000",
      description =
          "Event-time rate of the simulated market; with --trades it sets the number of bars"
              + " (default ${DEFAULT-VALUE}).")
  double tradesPerSecond;

  @Option(
      names = "--bootstrap-servers",
      description = "Use this Kafka instead of an in-process broker (a fresh topic is deleted).")
  String bootstrapServers;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  BenchmarkOptions options() {
    return new BenchmarkOptions(
        trades,
        instruments,
        partitions,
        parallelism == null ? partitions : parallelism,
        runs,
        tradesPerSecond,
        bootstrapServers);
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    BenchmarkResult result = new BenchmarkRunner(options()).run();
    String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
    // The report is this command's output; logs go to stderr.
    System.out.print(BenchmarkReport.format(result, RunEnvironment.current(args, loadAtStart)));
    if (!result.consistent()) {
      System.err.println("BENCHMARK FAILED: " + String.join("; ", result.problems()));
      return 1;
    }
    return 0;
  }

  public static void main(String[] args) {
    CommandLine commandLine =
        new CommandLine(new OhlcBenchmark())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  if (e instanceof IllegalArgumentException) {
                    cmd.getErr().println(cmd.getColorScheme().errorText(e.getMessage()));
                    cmd.usage(cmd.getErr());
                    return cmd.getCommandSpec().exitCodeOnInvalidInput();
                  }
                  throw e;
                });
    System.exit(commandLine.execute(args));
  }
}
