package org.marketflow.benchmarks.report;

import static org.marketflow.benchmarks.report.BenchmarkReport.count;
import static org.marketflow.benchmarks.report.BenchmarkReport.distinct;
import static org.marketflow.benchmarks.report.BenchmarkReport.line;
import static org.marketflow.benchmarks.report.BenchmarkReport.seconds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.marketflow.benchmarks.AnalyticsBenchmarkOptions;
import org.marketflow.benchmarks.AnalyticsBenchmarkResult;
import org.marketflow.benchmarks.analytics.Agreement;
import org.marketflow.benchmarks.analytics.WindowUpdate;
import org.marketflow.benchmarks.flink.AnalyticsRun;
import org.marketflow.benchmarks.flink.DataStreamAnalyticsJob.Output;
import org.marketflow.benchmarks.flink.ExpectedAnalytics;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;

/** The plain-text report of an analytics benchmark run. */
public final class AnalyticsReport {

  private static final String UPDATE_ROW = "%-6s %7s %9s | %8s %8s %8s | %8s %8s %8s %8s | %9s%n";

  /** Two significant digits: the job's ratios to the raw read are far below 1. */
  private static final String SMALL_RATIO = "%.2g";

  private static final double MINUTE_MS = 60_000;

  private AnalyticsReport() {}

  public static String format(AnalyticsBenchmarkResult result, RunEnvironment environment) {
    AnalyticsBenchmarkOptions options = result.options();
    StringBuilder out = new StringBuilder();
    BenchmarkReport.header(out, "MarketFlow analytics benchmark", environment);
    out.append('\n');
    updates(out, result.updates(), options);
    out.append('\n');
    throughput(out, result);
    BenchmarkReport.check(
        out,
        result.problems(),
        "the job's matrices equal commons-math3's within "
            + Agreement.TOLERANCE
            + ", (a) read every bar, and (b) rejected none and emitted every expected record");
    line(out, "Whole run", seconds(result.wall()) + " s (updates, broker, load, measurements)");
    return out.toString();
  }

  private static void updates(
      StringBuilder out, List<WindowUpdate> updates, AnalyticsBenchmarkOptions options) {
    out.append(
        String.format(
            Locale.ROOT,
            "One correlation update of %d instruments %s on a full window, in ms: the median of%n"
                + "%d updates (after %d unmeasured). job step = CorrelationAnalytics.step (the"
                + " return row,%nthe three matrices with p-values, changes, clusters, records);"
                + " job per method = its%ncorrelation code alone; commons-math3 = the batch"
                + " recomputation of the same rho and p.%n",
            options.instruments(),
            BenchmarkReport.instrumentRange(options.instruments()),
            options.updates(),
            AnalyticsBenchmarkOptions.WARM_UPS));
    out.append(
        String.format(
            Locale.ROOT, UPDATE_ROW, "", "", "job", "job", "", "", "cm3", "", "", "cm3", "step /"));
    out.append(
        String.format(
            Locale.ROOT,
            UPDATE_ROW,
            "window",
            "returns",
            "step",
            "pearson",
            "spearman",
            "kendall",
            "pearson",
            "spearman",
            "kendall",
            "all",
            "cm3 all"));
    for (WindowUpdate update : updates) {
      out.append(
          String.format(
              Locale.ROOT,
              UPDATE_ROW,
              update.window().label(),
              update.returns(),
              ms(update.stepMs()),
              ms(update.jobMs(CorrelationMethod.PEARSON)),
              ms(update.jobMs(CorrelationMethod.SPEARMAN)),
              ms(update.jobMs(CorrelationMethod.KENDALL)),
              ms(update.batchMs(CorrelationMethod.PEARSON)),
              ms(update.batchMs(CorrelationMethod.SPEARMAN)),
              ms(update.batchMs(CorrelationMethod.KENDALL)),
              ms(update.batchMs()),
              String.format(Locale.ROOT, "%.2f", update.stepMs() / update.batchMs())));
    }
    out.append('\n');
    double jobAll = updates.stream().mapToDouble(WindowUpdate::stepMs).sum();
    double batchAll = updates.stream().mapToDouble(WindowUpdate::batchMs).sum();
    line(
        out,
        "Every window",
        String.format(
            Locale.ROOT,
            "a minute in which all %d windows step (every 4 h from 00:00 UTC): job %s ms,"
                + " commons-math3 %s ms, ratio %.2f",
            updates.size(),
            ms(jobAll),
            ms(batchAll),
            jobAll / batchAll));
    WindowUpdate first = updates.get(0);
    line(
        out,
        "One window",
        String.format(
            Locale.ROOT,
            "a minute in which only %s steps: job %s ms, commons-math3 %s ms, ratio %.2f",
            first.window().label(),
            ms(first.stepMs()),
            ms(first.batchMs()),
            first.stepMs() / first.batchMs()));
    line(
        out,
        "Per minute",
        String.format(
            Locale.ROOT,
            "on average (each window's update x 1 min / its sampling step): job %s ms,"
                + " commons-math3 %s ms, ratio %.2f",
            ms(perMinute(updates, WindowUpdate::stepMs)),
            ms(perMinute(updates, WindowUpdate::batchMs)),
            perMinute(updates, WindowUpdate::stepMs) / perMinute(updates, WindowUpdate::batchMs)));
    List<String> agreements = new ArrayList<>();
    long pairs = 0;
    for (CorrelationMethod method : CorrelationMethod.values()) {
      Agreement all =
          updates.stream()
              .map(update -> update.agreement().get(method))
              .reduce(Agreement::plus)
              .orElseThrow();
      pairs = all.pairs();
      agreements.add(
          String.format(
              Locale.ROOT,
              "%s |drho| %.1e, |dp| %.1e",
              method.label(),
              all.maxRhoDifference(),
              all.maxPValueDifference()));
    }
    line(
        out,
        "Agreement",
        "largest differences over "
            + count(pairs)
            + " pairs a method (every measured update): "
            + String.join("; ", agreements));
  }

  private static void throughput(StringBuilder out, AnalyticsBenchmarkResult result) {
    AnalyticsBenchmarkOptions options = result.options();
    ExpectedAnalytics expected = result.expected();
    long bars = expected.bars();
    Rates raw = Rates.of(bars, result.raw().stream().map(RawTopicReader.Read::wall).toList());
    Rates streaming =
        Rates.of(bars, result.raw().stream().map(RawTopicReader.Read::fromFirstRecord).toList());
    Rates job = Rates.of(bars, result.job().stream().map(AnalyticsRun::wall).toList());
    line(
        out,
        "Bars",
        count(bars)
            + " final 1-minute bars: "
            + count(options.minutes())
            + " minutes of "
            + options.instruments()
            + " simulated instruments from "
            + SyntheticMarket.START
            + " (TradeTape, "
            + SyntheticMarket.TRADES_PER_BUCKET
            + " trades an instrument and minute on average, folded as jobs-ohlc folds them), seed "
            + SyntheticMarket.SEED);
    BenchmarkReport.topicAndFlink(
        out,
        options.partitions(),
        result.kafka(),
        BenchmarkReport.megabytes(result.raw().get(0).bytes())
            + " MB of keys and values (Avro OhlcBar) before lz4",
        options.parallelism());
    line(
        out,
        "Runs",
        options.runs() + " of each measurement, interleaved (a) (b); run 1 is the cold one");
    BenchmarkReport.load(out, result.load(), "bars", "");
    out.append('\n');
    out.append(
        "Records/s = bars / wall time. (a): from creating the consumers to the last record\n");
    out.append("counted; (a'): the same reads from the first records received (without the\n");
    out.append("consumers' start); (b): from submitting the job to receiving its result.\n");
    BenchmarkReport.rawRates(out, options.runs(), options.parallelism(), raw);
    BenchmarkReport.rates(out, "(a') raw, from the first record", streaming);
    BenchmarkReport.rates(out, "(b) AnalyticsJob.compute", job);
    out.append('\n');
    line(
        out,
        "Ratios",
        BenchmarkReport.ratio("b/a", job, raw, SMALL_RATIO)
            + "    "
            + BenchmarkReport.ratio("b/a'", job, streaming, SMALL_RATIO));
    line(
        out,
        "Market time",
        String.format(
            Locale.ROOT,
            "(b) replays %,.1f minutes of market a second (median): %,.0fx real time for %d"
                + " instruments",
            job.median() * options.minutes() / bars,
            job.median() * options.minutes() / bars * 60,
            options.instruments()));
    List<AnalyticsRun> runs = result.job();
    Map<Output, Long> known = expected.records();
    List<String> outputs = new ArrayList<>();
    for (Output output : Output.values()) {
      Long records = known.get(output);
      outputs.add(
          distinct(runs, run -> run.of(output))
              + " "
              + output.label()
              + (records == null ? "" : " (expected " + count(records) + ")"));
    }
    line(
        out,
        "Outputs (b)",
        String.join(", ", outputs)
            + "; "
            + count(expected.steps())
            + " correlation steps x 3 methods");
  }

  /** What the updates cost in an average minute: 1H's every minute, 4H's every fifth, ... */
  private static double perMinute(List<WindowUpdate> updates, ToDoubleFunction<WindowUpdate> ms) {
    return updates.stream()
        .mapToDouble(u -> ms.applyAsDouble(u) * MINUTE_MS / u.window().samplingMs())
        .sum();
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }
}
