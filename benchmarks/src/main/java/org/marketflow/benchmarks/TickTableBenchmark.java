package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketflow.benchmarks.report.Rates;
import org.marketflow.benchmarks.report.RunEnvironment;
import org.marketflow.benchmarks.tables.SinkTable;
import org.marketflow.benchmarks.tables.TableSinkRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-tick-table.sh}: the sustained rate of a job's table sink into the local
 * PostgreSQL, beside COPY of the same rows: jobs-microstructure's {@code market_ticks} sink, or
 * jobs-ohlc's trade archive ({@code --table trades}).
 */
@Command(
    name = "bench-tick-table.sh",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description =
        "Rows/s of a job's table sink (market_ticks, or the trades archive) into the local"
            + " PostgreSQL, beside COPY.")
public final class TickTableBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--table",
      defaultValue = "market_ticks",
      description = "market_ticks or trades (default ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = {"--ticks", "--rows"},
      defaultValue = "1000000",
      description =
          "Rows (ticks or trades) written by each measurement (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "Sink writers (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Repetitions of each measurement (default ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    SinkTable<?> sinkTable = SinkTable.named(table);
    OptionChecks.requirePositive("--ticks", rows);
    OptionChecks.requirePositive("--parallelism", parallelism);
    OptionChecks.requirePositive("--runs", runs);
    double loadAtStart = RunEnvironment.loadAverage();
    TableSinkRunner.Result result =
        new TableSinkRunner<>(sinkTable, rows, 20, parallelism, runs).run();
    return BenchmarkCommand.finish(spec, loadAtStart, env -> report(result, env), List.of());
  }

  private static String report(TableSinkRunner.Result result, RunEnvironment environment) {
    List<Duration> copy = new ArrayList<>();
    List<Duration> insert = new ArrayList<>();
    List<Duration> replay = new ArrayList<>();
    for (TableSinkRunner.Run run : result.runs()) {
      copy.add(run.copy());
      insert.add(run.insert());
      replay.add(run.replay());
    }
    Rates a = Rates.of(result.count(), copy);
    Rates b = Rates.of(result.count(), insert);
    Rates c = Rates.of(result.count(), replay);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "MarketFlow %s sink benchmark%n"
                + "Command       %s%nLoad average  %.2f at start, %.2f at end%n"
                + "Rows          %,d %s of 20 instruments into a fresh migrated database on the"
                + " local PostgreSQL; every measurement ends with the same %,d rows (count and MD5)%n"
                + "Sink          %s, parallelism %d, %d rows a batch, on one MiniCluster%n%n"
                + "rows/s (runs: %s)%n"
                + "(a) COPY, one connection          %,12.0f median %,12.0f best%n"
                + "(b) the job's sink, empty table   %,12.0f median %,12.0f best%n"
                + "(c) the job's sink, replay        %,12.0f median %,12.0f best%n"
                + "Ratios        b/a %.3f   c/a %.3f (medians)%n",
            result.table().name(),
            environment.command(),
            environment.loadAtStart(),
            environment.loadAtEnd(),
            result.count(),
            result.table().rowName(),
            result.rows(),
            result.table().sinkName(),
            result.parallelism(),
            result.batchSize(),
            result.runs().size(),
            a.median(),
            a.best(),
            b.median(),
            b.best(),
            c.median(),
            c.best(),
            b.median() / a.median(),
            c.median() / a.median()));
    return out.toString();
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new TickTableBenchmark(), args));
  }
}
