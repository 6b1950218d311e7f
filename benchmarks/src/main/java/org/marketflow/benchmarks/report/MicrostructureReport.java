package org.marketflow.benchmarks.report;

import static org.marketflow.benchmarks.report.BenchmarkReport.count;
import static org.marketflow.benchmarks.report.BenchmarkReport.distinct;
import static org.marketflow.benchmarks.report.BenchmarkReport.line;
import static org.marketflow.benchmarks.report.BenchmarkReport.seconds;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.marketflow.benchmarks.MicrostructureBenchmarkOptions;
import org.marketflow.benchmarks.MicrostructureBenchmarkResult;
import org.marketflow.benchmarks.flink.FinalBooks;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.flink.ShuffleFloorJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;

/** The plain-text report of a microstructure benchmark run. */
public final class MicrostructureReport {

  /** A 1,000-level-a-side Binance book in state, as {@code RecordedBinanceBookTest} measures. */
  static final long BINANCE_1000_LEVEL_BOOK_BYTES = 32_010;

  private MicrostructureReport() {}

  /**
   * CPU per update for each measurement, and what it implies on these cores: the job's ceiling
   * against the raw read's measured rate.
   */
  private static void cpuTable(
      StringBuilder out, MicrostructureBenchmarkResult result, int cores, Rates rawRates) {
    long updates = result.options().updates();
    MicrostructureBenchmarkResult.CpuTimes cpu = result.cpu();
    out.append(
        "CPU µs/update = the process's CPU time during the run / book updates (every thread\n");
    out.append("of the JVM: broker, collector and compiler included). Ceiling/s = the cores /\n");
    out.append("the median CPU µs/update: the rate if every core did only that measurement.\n");
    CpuPerRecord.appendHeader(out, result.options().runs());
    CpuPerRecord.of(updates, cpu.raw(), walls(result.raw(), RawTopicReader.Read::wall), cores)
        .appendRow(out, "(a) raw KafkaConsumer");
    CpuPerRecord job =
        CpuPerRecord.of(updates, cpu.job(), walls(result.job(), MicrostructureRun::wall), cores);
    job.appendRow(out, "(b) MicrostructureJob.compute");
    CpuPerRecord.of(updates, cpu.plain(), walls(result.plain(), PlainBookJob.BookRun::wall), cores)
        .appendRow(out, "(c) MapState book");
    CpuPerRecord.of(
            updates, cpu.floor(), walls(result.floor(), ShuffleFloorJob.FloorRun::wall), cores)
        .appendRow(out, "(d) Flink floor");
    CpuPerRecord.of(
            updates,
            cpu.decodingFloor(),
            walls(result.decodingFloor(), ShuffleFloorJob.FloorRun::wall),
            cores)
        .appendRow(out, "(e) (d) decoding");
    line(
        out,
        "(b) ceiling",
        String.format(
            Locale.ROOT,
            "%s updates/s on %d cores at its median CPU per update: %.3f of (a)'s median rate",
            count(Math.round(job.ceiling())),
            cores,
            job.ceiling() / rawRates.median()));
  }

  private static <T> List<Duration> walls(List<T> runs, Function<T, Duration> wall) {
    return runs.stream().map(wall).toList();
  }

  public static String format(MicrostructureBenchmarkResult result, RunEnvironment environment) {
    MicrostructureBenchmarkOptions options = result.options();
    long updates = options.updates();
    Rates raw = Rates.of(updates, result.raw().stream().map(RawTopicReader.Read::wall).toList());
    Rates job = Rates.of(updates, result.job().stream().map(MicrostructureRun::wall).toList());
    Rates plain =
        Rates.of(updates, result.plain().stream().map(PlainBookJob.BookRun::wall).toList());
    Rates floor =
        Rates.of(updates, result.floor().stream().map(ShuffleFloorJob.FloorRun::wall).toList());
    Rates decodingFloor =
        Rates.of(
            updates, result.decodingFloor().stream().map(ShuffleFloorJob.FloorRun::wall).toList());

    StringBuilder out = new StringBuilder();
    BenchmarkReport.header(out, "MarketFlow microstructure benchmark", environment);
    line(
        out,
        "Updates",
        count(updates)
            + " book updates of "
            + options.instruments()
            + " simulated books "
            + BenchmarkReport.instrumentRange(options.instruments())
            + " (MarketSimulator: a snapshot each, then deltas), "
            + count((long) options.eventsPerSecond())
            + " market events/s of event time from "
            + SyntheticMarket.START
            + ", seed "
            + SyntheticMarket.SEED);
    BenchmarkReport.topicAndFlink(
        out,
        options.partitions(),
        result.kafka(),
        BenchmarkReport.megabytes(result.raw().get(0).bytes())
            + " MB of keys and values (Avro BookUpdate) before lz4; trades and status topics"
            + " empty",
        options.parallelism());
    line(
        out,
        "Runs",
        options.runs() + " of each measurement, interleaved (a) to (e); run 1 is the cold one");
    out.append('\n');
    BenchmarkReport.load(out, result.load(), "updates", ", simulator included");
    out.append('\n');
    out.append("Records/s = book updates / wall time. (a): from creating the consumers to the\n");
    out.append(
        "last record counted; (b) to (e): from submitting the job to receiving its result.\n");
    BenchmarkReport.rawRates(out, options.runs(), options.parallelism(), raw);
    BenchmarkReport.rates(out, "(b) MicrostructureJob.compute", job);
    BenchmarkReport.rates(out, "(c) MapState<Double, Double> book", plain);
    BenchmarkReport.rates(out, "(d) Flink floor: bytes, keyBy, count", floor);
    BenchmarkReport.rates(out, "(e) (d) decoding each update", decodingFloor);
    out.append('\n');
    cpuTable(out, result, environment.availableProcessors(), raw);
    out.append('\n');
    line(
        out,
        "Ratios",
        String.format(
            Locale.ROOT,
            "b/a %.3f median, %.3f best (target %.1f)    c/a %.3f    d/a %.3f    e/a %.3f    b/c"
                + " %.3f    b/e %.3f (medians)",
            job.median() / raw.median(),
            job.best() / raw.best(),
            MicrostructureBenchmarkOptions.TARGET_SHARE_OF_RAW,
            plain.median() / raw.median(),
            floor.median() / raw.median(),
            decodingFloor.median() / raw.median(),
            job.median() / plain.median(),
            job.median() / decodingFloor.median()));
    line(
        out,
        "Target",
        String.format(
            Locale.ROOT,
            "(b) / %s updates/s: %.3f median, %.3f best",
            count((long) MicrostructureBenchmarkOptions.TARGET_UPDATES_PER_SECOND),
            job.median() / MicrostructureBenchmarkOptions.TARGET_UPDATES_PER_SECOND,
            job.best() / MicrostructureBenchmarkOptions.TARGET_UPDATES_PER_SECOND));
    List<MicrostructureRun> runs = result.job();
    line(
        out,
        "Outputs (b)",
        distinct(runs, MicrostructureRun::ticks)
            + " ticks, "
            + distinct(runs, MicrostructureRun::microstructure)
            + " microstructure rows (expected "
            + count(result.microstructureSeconds())
            + "), "
            + distinct(runs, MicrostructureRun::snapshots)
            + " book snapshots, "
            + distinct(runs, MicrostructureRun::liquidity)
            + " liquidity rows, "
            + distinct(runs, MicrostructureRun::bookStatuses)
            + " book statuses, "
            + distinct(runs, MicrostructureRun::deadLetters)
            + " dead letters");
    FinalBooks.StateBytes state = result.stateBytes();
    line(
        out,
        "Book state",
        String.format(
            Locale.ROOT,
            "%d final books through L2BookSerializer: %,.0f bytes mean, %,d max (%.1f levels"
                + " on average); a 1,000-level-a-side Binance book: %,d bytes",
            state.books(),
            state.mean(),
            state.max(),
            state.meanLevels(),
            BINANCE_1000_LEVEL_BOOK_BYTES));
    BenchmarkReport.check(
        out,
        result.problems(),
        "(a) read, (c) applied, (d) counted and (e) decoded every update, (b) rejected none and closed every"
            + " instrument's seconds");
    line(out, "Whole run", seconds(result.wall()) + " s (broker, load, measurements)");
    return out.toString();
  }
}
