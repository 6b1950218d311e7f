package org.marketflow.benchmarks;

import java.util.concurrent.Callable;
import org.marketflow.benchmarks.report.AnalyticsReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-analytics.sh}: times one correlation update of each window for 100
 * instruments with the job's code beside commons-math3's batch recomputation (and checks they
 * agree), then loads a bars topic and measures the raw Kafka read rate and the analytics job on it,
 * and prints a report. Exits 1 when the matrices disagree or the job's outputs are not the expected
 * ones.
 */
@Command(
    name = "bench-analytics.sh",
    sortOptions = false,
    defaultValueProvider = AnalyticsBenchmark.Defaults.class,
    description =
        "jobs-analytics: one correlation update of every window and method beside commons-math3's"
            + " batch recomputation, and the job's throughput on a bars topic against raw Kafka"
            + " reads.")
public final class AnalyticsBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaRunOptions run;

  @Option(
      names = "--minutes",
      defaultValue = "120",
      description =
          "Minutes of simulated market in the bars topic: one final 1-minute bar per instrument"
              + " and minute (default ${DEFAULT-VALUE}).")
  int minutes;

  @Option(
      names = "--updates",
      defaultValue = "5",
      description =
          "Measured correlation updates of each window, after "
              + AnalyticsBenchmarkOptions.WARM_UPS
              + " unmeasured ones (default ${DEFAULT-VALUE}).")
  int updates;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  AnalyticsBenchmarkOptions options() {
    return new AnalyticsBenchmarkOptions(
        minutes,
        run.instruments,
        run.partitions,
        run.parallelism(),
        run.runs,
        updates,
        run.bootstrapServers);
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    AnalyticsBenchmarkResult result = new AnalyticsBenchmarkRunner(options()).run();
    return BenchmarkCommand.finish(
        spec,
        loadAtStart,
        environment -> AnalyticsReport.format(result, environment),
        result.problems());
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new AnalyticsBenchmark(), args));
  }

  /** 100 instruments by default (issue 10's scale), where the other benchmarks take 20. */
  static final class Defaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
      if (argSpec instanceof OptionSpec option && option.longestName().equals("--instruments")) {
        return String.valueOf(AnalyticsBenchmarkOptions.DEFAULT_INSTRUMENTS);
      }
      return null;
    }
  }
}
