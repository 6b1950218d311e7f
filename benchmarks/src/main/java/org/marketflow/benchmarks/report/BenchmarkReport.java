package org.marketflow.benchmarks.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.marketflow.benchmarks.BenchmarkOptions;
import org.marketflow.benchmarks.BenchmarkResult;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.SyntheticMarket;

/** The plain-text report of a benchmark run. */
public final class BenchmarkReport {

  private static final String ROW = "%-34s";

  private BenchmarkReport() {}

  public static String format(BenchmarkResult result, RunEnvironment environment) {
    BenchmarkOptions options = result.options();
    long trades = options.trades();
    Rates raw = Rates.of(trades, result.raw().stream().map(RawTopicReader.Read::wall).toList());
    Rates dataStream = Rates.of(trades, result.dataStream().stream().map(BarsRun::wall).toList());
    Rates sql = Rates.of(trades, result.sql().stream().map(BarsRun::wall).toList());
    long bytes = result.raw().get(0).bytes();

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
            + " of each measurement, interleaved (a) (b) (c); run 1 is the cold one (JIT, page"
            + " cache)");
    out.append('\n');
    line(
        out,
        "Load",
        count(trades)
            + " trades in "
            + seconds(result.load().wall())
            + " s = "
            + count(Math.round(result.load().recordsPerSecond()))
            + " trades/s (NormalizedPublisher: acks=all, idempotent, lz4)");
    line(
        out,
        "SQL decoding",
        result.decodingChecked()
            + " records read through the SQL avro table equal AvroCodec's decoding, field by"
            + " field");
    out.append('\n');
    out.append("Records/s = trades / wall time. (a): from creating the consumers to the last\n");
    out.append("record counted; (b), (c): from submitting the job to receiving its result.\n");
    runsHeader(out, options.runs());
    rates(out, "(a) raw KafkaConsumer x" + options.parallelism(), raw);
    rates(out, "(b) OhlcJob.compute, DataStream", dataStream);
    rates(out, "(c) Flink SQL window TVF", sql);
    out.append('\n');
    line(
        out,
        "Ratios",
        String.format(
            Locale.ROOT,
            "b/a %.3f median, %.3f best    b/c %.3f median, %.3f best",
            dataStream.median() / raw.median(),
            dataStream.best() / raw.best(),
            dataStream.median() / sql.median(),
            dataStream.best() / sql.best()));
    line(
        out,
        "Bars (1m)",
        "(b) "
            + distinct(result.dataStream(), BarsRun::bars)
            + " bars holding "
            + distinct(result.dataStream(), BarsRun::tradesInBars)
            + " trades, "
            + distinct(result.dataStream(), BarsRun::deadLetters)
            + " dead letters");
    line(
        out,
        "",
        "(c) "
            + distinct(result.sql(), BarsRun::bars)
            + " bars holding "
            + distinct(result.sql(), BarsRun::tradesInBars)
            + " trades");
    check(
        out,
        result.problems(),
        "(b) and (c) produced the same number of bars, and every trade is in one");
    line(out, "Whole run", seconds(result.wall()) + " s (broker, load, checks, measurements)");
    return out.toString();
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
  static void runsHeader(StringBuilder out, int runs) {
    out.append(String.format(Locale.ROOT, ROW, ""));
    for (int run = 1; run <= runs; run++) {
      out.append(String.format(Locale.ROOT, "%12s", "run " + run));
    }
    out.append(String.format(Locale.ROOT, "%12s%12s%n", "best", "median"));
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
