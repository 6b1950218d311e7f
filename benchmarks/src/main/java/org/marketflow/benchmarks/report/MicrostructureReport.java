package org.marketflow.benchmarks.report;

import static org.marketflow.benchmarks.report.BenchmarkReport.count;
import static org.marketflow.benchmarks.report.BenchmarkReport.distinct;
import static org.marketflow.benchmarks.report.BenchmarkReport.line;
import static org.marketflow.benchmarks.report.BenchmarkReport.seconds;

import java.util.List;
import java.util.Locale;
import org.marketflow.benchmarks.MicrostructureBenchmarkOptions;
import org.marketflow.benchmarks.MicrostructureBenchmarkResult;
import org.marketflow.benchmarks.flink.FinalBooks;
import org.marketflow.benchmarks.flink.MicrostructureRun;
import org.marketflow.benchmarks.flink.PlainBookJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;

/** The plain-text report of a microstructure benchmark run. */
public final class MicrostructureReport {

  /** A 1,000-level-a-side Binance book in state, as {@code RecordedBinanceBookTest} measures. */
  static final long BINANCE_1000_LEVEL_BOOK_BYTES = 32_010;

  private MicrostructureReport() {}

  public static String format(MicrostructureBenchmarkResult result, RunEnvironment environment) {
    MicrostructureBenchmarkOptions options = result.options();
    long updates = options.updates();
    Rates raw = Rates.of(updates, result.raw().stream().map(RawTopicReader.Read::wall).toList());
    Rates job = Rates.of(updates, result.job().stream().map(MicrostructureRun::wall).toList());
    Rates plain =
        Rates.of(updates, result.plain().stream().map(PlainBookJob.BookRun::wall).toList());

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
        options.runs() + " of each measurement, interleaved (a) (b) (c); run 1 is the cold one");
    out.append('\n');
    BenchmarkReport.load(out, result.load(), "updates", ", simulator included");
    out.append('\n');
    out.append("Records/s = book updates / wall time. (a): from creating the consumers to the\n");
    out.append("last record counted; (b), (c): from submitting the job to receiving its result.\n");
    BenchmarkReport.rawRates(out, options.runs(), options.parallelism(), raw);
    BenchmarkReport.rates(out, "(b) MicrostructureJob.compute", job);
    BenchmarkReport.rates(out, "(c) MapState<Double, Double> book", plain);
    out.append('\n');
    line(
        out,
        "Ratios",
        String.format(
            Locale.ROOT,
            "b/a %.3f median, %.3f best (target %.1f)    c/a %.3f median    b/c %.3f median",
            job.median() / raw.median(),
            job.best() / raw.best(),
            MicrostructureBenchmarkOptions.TARGET_SHARE_OF_RAW,
            plain.median() / raw.median(),
            job.median() / plain.median()));
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
        "(a) read and (c) applied every update, (b) rejected none and closed every instrument's seconds");
    line(out, "Whole run", seconds(result.wall()) + " s (broker, load, measurements)");
    return out.toString();
  }
}
