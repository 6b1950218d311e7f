package org.marketflow.benchmarks.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.marketflow.benchmarks.BenchmarkOptions;
import org.marketflow.benchmarks.BenchmarkResult;
import org.marketflow.benchmarks.flink.BarComparison;
import org.marketflow.benchmarks.flink.BarFields;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.kafka.TopicLoader;

/** The plain-text report of a benchmark run. */
public final class BenchmarkReport {

  private static final String ROW = "%-34s";

  private BenchmarkReport() {}

  public static String format(BenchmarkResult result, RunEnvironment environment) {
    BenchmarkOptions options = result.options();
    long trades = options.trades();
    Rates raw = Rates.of(trades, result.raw().stream().map(RawTopicReader.Read::wall).toList());
    Rates dataStream = rates(trades, result.dataStream());
    Rates sql = rates(trades, result.sql());
    Rates dataStreamAll = rates(trades, result.dataStreamAll());
    Rates sqlAll = rates(trades, result.sqlAll());
    long bytes = result.raw().get(0).bytes();
    int intervals = BenchmarkResult.allIntervals();

    StringBuilder out = new StringBuilder();
    header(out, "MarketFlow OHLC benchmark", environment);
    line(
        out,
        "Trades",
        count(trades)
            + " from "
            + options.instruments()
            + " instruments "
            + instrumentRange(options.instruments())
            + ", "
            + count((long) options.tradesPerSecond())
            + " trades/s of event time from "
            + SyntheticMarket.START
            + ", seed "
            + SyntheticMarket.SEED);
    topicAndFlink(
        out,
        options.partitions(),
        result.kafka(),
        megabytes(bytes) + " MB of keys and values (Avro binary) before lz4",
        options.parallelism());
    line(
        out,
        "Runs",
        options.runs()
            + " of each measurement, interleaved (a) (b) (c) (d) (e); run 1 is the cold one (JIT,"
            + " page cache)");
    out.append('\n');
    load(out, result.load(), "trades", "");
    line(
        out,
        "SQL decoding",
        result.decodingChecked()
            + " records read through the SQL avro table equal AvroCodec's decoding, field by"
            + " field");
    out.append('\n');
    out.append("Records/s = trades / wall time. (a): from creating the consumers to the last\n");
    out.append("record counted; (b) to (e): from submitting the job to receiving its result.\n");
    rawRates(out, options.runs(), options.parallelism(), raw);
    rates(out, "(b) OhlcJob.compute, 1m", dataStream);
    rates(out, "(c) Flink SQL window TVF, 1m", sql);
    rates(out, "(d) OhlcJob.compute, " + intervals + " intervals", dataStreamAll);
    rates(out, "(e) Flink SQL cascade, " + intervals + " intervals", sqlAll);
    out.append('\n');
    line(out, "Ratios", ratio("b/a", dataStream, raw) + "    " + ratio("b/c", dataStream, sql));
    line(
        out,
        "",
        ratio("d/e", dataStreamAll, sqlAll)
            + "    "
            + ratio("d/b", dataStreamAll, dataStream)
            + " ("
            + intervals
            + " intervals vs 1m)");
    bars(out, "Bars (1m)", "(b)", result.dataStream(), "(c)", result.sql());
    bars(out, "Bars (" + intervals + ")", "(d)", result.dataStreamAll(), "(e)", result.sqlAll());
    fieldCheck(out, result.fieldCheck());
    check(
        out,
        result.problems(),
        "(b) and (c), and (d) and (e), produced the same number of bars, every trade is in one bar"
            + " of each interval, and (d)'s bars equal (e)'s");
    line(out, "Whole run", seconds(result.wall()) + " s (broker, load, checks, measurements)");
    return out.toString();
  }

  private static Rates rates(long trades, List<BarsRun> runs) {
    return Rates.of(trades, runs.stream().map(BarsRun::wall).toList());
  }

  /** "b/a 0.221 median, 0.212 best": the ratio of the medians, and of the best runs. */
  static String ratio(String name, Rates numerator, Rates denominator) {
    return ratio(name, numerator, denominator, "%.3f");
  }

  /** {@link #ratio(String, Rates, Rates)} with each ratio written by {@code format}. */
  static String ratio(String name, Rates numerator, Rates denominator, String format) {
    return String.format(
        Locale.ROOT,
        "%s " + format + " median, " + format + " best",
        name,
        numerator.median() / denominator.median(),
        numerator.best() / denominator.best());
  }

  /** What the DataStream and SQL runs of one kind counted. */
  private static void bars(
      StringBuilder out,
      String label,
      String dataStreamName,
      List<BarsRun> dataStream,
      String sqlName,
      List<BarsRun> sql) {
    line(
        out,
        label,
        dataStreamName
            + " "
            + distinct(dataStream, BarsRun::bars)
            + " final bars holding "
            + distinct(dataStream, BarsRun::tradesInBars)
            + " trades, "
            + distinct(dataStream, BarsRun::deadLetters)
            + " dead letters");
    line(
        out,
        "",
        sqlName
            + " "
            + distinct(sql, BarsRun::bars)
            + " bars holding "
            + distinct(sql, BarsRun::tradesInBars)
            + " trades");
  }

  /** The bars compared per interval, what differed, and the first differences in full. */
  static void fieldCheck(StringBuilder out, BarComparison.Result check) {
    line(
        out,
        "Field check",
        check.compared().entrySet().stream()
                .map(e -> e.getKey() + " " + count(e.getValue()))
                .collect(Collectors.joining(", "))
            + " bars of (d) and (e) compared (one more run of each)");
    line(
        out,
        "",
        count(check.mismatched())
            + " differ, "
            + count(check.onlyFromJob())
            + " only from the job, "
            + count(check.onlyFromSql())
            + " only from SQL (open, high, low, close, counts, times exact; sums within "
            + BarFields.RELATIVE_TOLERANCE
            + " relative)");
    for (String difference : check.shown()) {
      line(out, "", difference);
    }
  }

  /** Where the records are ({@code topic} says what they are) and how Flink runs the jobs. */
  static void topicAndFlink(
      StringBuilder out, int partitions, String kafka, String topic, int parallelism) {
    line(out, "Topic", partitions + " partitions on " + kafka + "; " + topic);
    line(
        out,
        "Flink",
        "parallelism "
            + parallelism
            + ", one MiniCluster (1 task manager, "
            + parallelism
            + " slots) for every job, checkpointing off, heap state");
  }

  /** How long loading {@code load} records of {@code unit}, {@code note} added, took. */
  static void load(StringBuilder out, TopicLoader.Load load, String unit, String note) {
    line(
        out,
        "Load",
        count(load.records())
            + " "
            + unit
            + " in "
            + seconds(load.wall())
            + " s = "
            + count(Math.round(load.recordsPerSecond()))
            + " "
            + unit
            + "/s (NormalizedPublisher: acks=all, idempotent, lz4)"
            + note);
  }

  /** "Check OK: {@code ok}", or a "Check FAILED" line per problem. */
  static void check(StringBuilder out, List<String> problems, String ok) {
    if (problems.isEmpty()) {
      line(out, "Check", "OK: " + ok);
    }
    for (String problem : problems) {
      line(out, "Check", "FAILED: " + problem);
    }
  }

  /** The title, and the command, machine, load and JVM the figures were measured with. */
  static void header(StringBuilder out, String title, RunEnvironment environment) {
    out.append(title).append('\n').append("=".repeat(title.length())).append('\n');
    line(out, "Command", environment.command());
    line(
        out,
        "Machine",
        environment.availableProcessors()
            + " available processors (Runtime.availableProcessors), "
            + environment.os());
    line(
        out,
        "Load average",
        String.format(
            Locale.ROOT,
            "%.2f at start, %.2f at end (1 min; other processes on the cores skew the figures)",
            environment.loadAtStart(),
            environment.loadAtEnd()));
    line(
        out,
        "JVM",
        "Java "
            + environment.javaVersion()
            + " ("
            + environment.vm()
            + "), max heap "
            + count(environment.maxHeapBytes() >> 20)
            + " MB, options: "
            + String.join(" ", environment.jvmOptions()));
  }

  /** The column heads of the rates table: each run, then the best and the median. */
  private static void runsHeader(StringBuilder out, int runs) {
    out.append(String.format(Locale.ROOT, ROW, ""));
    for (int run = 1; run <= runs; run++) {
      out.append(String.format(Locale.ROOT, "%12s", "run " + run));
    }
    out.append(String.format(Locale.ROOT, "%12s%12s%n", "best", "median"));
  }

  /** The rates table's heads, and its first row: (a), the raw read by {@code consumers}. */
  static void rawRates(StringBuilder out, int runs, int consumers, Rates raw) {
    runsHeader(out, runs);
    rates(out, "(a) raw KafkaConsumer x" + consumers, raw);
  }

  static void rates(StringBuilder out, String name, Rates rates) {
    out.append(String.format(Locale.ROOT, ROW, name));
    for (double rate : rates.perRun()) {
      out.append(String.format(Locale.ROOT, "%12s", count(Math.round(rate))));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%12s%12s%n",
            count(Math.round(rates.best())),
            count(Math.round(rates.median()))));
  }

  static void line(StringBuilder out, String label, String text) {
    out.append(String.format(Locale.ROOT, "%-13s %s%n", label, text));
  }

  /** The value every run had, or all of them when the runs differ. */
  static <T> String distinct(List<T> runs, java.util.function.ToLongFunction<T> value) {
    List<Long> values = runs.stream().map(run -> value.applyAsLong(run)).distinct().toList();
    return values.size() == 1
        ? count(values.get(0))
        : values.stream().map(BenchmarkReport::count).collect(Collectors.joining("/"));
  }

  static String instrumentRange(int instruments) {
    List<String> ids = SyntheticMarket.instruments(instruments).stream().map(i -> i.id()).toList();
    return ids.size() == 1 ? ids.get(0) : ids.get(0) + ".." + ids.get(ids.size() - 1);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%,.2f", duration.toNanos() / 1e9);
  }
}
