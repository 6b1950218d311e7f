package org.marketflow.benchmarks;

import java.util.concurrent.Callable;
import org.marketflow.benchmarks.report.MicrostructureReport;
import org.marketflow.benchmarks.report.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/bench-microstructure.sh}: loads a book topic with simulated book updates, then
 * measures the raw Kafka read rate, the microstructure job and a plain MapState book on it, and
 * prints a report with the bytes of each book in keyed state. Exits 1 when the job lost or rejected
 * updates.
 */
@Command(
    name = "bench-microstructure.sh",
    sortOptions = false,
    description =
        "Throughput of jobs-microstructure's book and 1 s microstructure against raw Kafka reads.")
public final class MicrostructureBenchmark implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaRunOptions run;

  @Option(
      names = "--updates",
      defaultValue = "6000000",
      description =
          "Book updates loaded into the topic (default ${DEFAULT-VALUE}: runs of several seconds,"
              + " so that the job's start is a small part of each).")
  long updates;

  @Option(
      names = "--events-per-second",
      defaultValue = "10000",
      description =
          "Market events per second of event time, all books together; sets the number of"
              + " seconds of market (default ${DEFAULT-VALUE}).")
  double eventsPerSecond;

  /** Validated options; throws {@link IllegalArgumentException} with the offending option. */
  MicrostructureBenchmarkOptions options() {
    return new MicrostructureBenchmarkOptions(
        updates,
        run.instruments,
        run.partitions,
        run.parallelism(),
        run.runs,
        eventsPerSecond,
        run.bootstrapServers);
  }

  @Override
  public Integer call() throws Exception {
    double loadAtStart = RunEnvironment.loadAverage();
    MicrostructureBenchmarkResult result = new MicrostructureBenchmarkRunner(options()).run();
    return BenchmarkCommand.finish(
        spec,
        loadAtStart,
        environment -> MicrostructureReport.format(result, environment),
        result.problems());
  }

  public static void main(String[] args) {
    System.exit(BenchmarkCommand.execute(new MicrostructureBenchmark(), args));
  }
}
