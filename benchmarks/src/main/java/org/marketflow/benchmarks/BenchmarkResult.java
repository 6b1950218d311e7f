package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.benchmarks.flink.BarComparison;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.flink.DataStreamBarsJob;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;

/**
 * Everything one benchmark measured, in run order.
 *
 * @param kafka which broker served the topic
 * @param decodingChecked records the SQL table decoded exactly as {@code AvroCodec} does
 * @param dataStream (b) the job's 1-minute bars
 * @param sql (c) the SQL query's 1-minute bars
 * @param dataStreamAll (d) the job's bars of all {@link DataStreamBarsJob#DEFAULT_INTERVALS}
 * @param sqlAll (e) the SQL query's bars of the same intervals
 * @param fieldCheck (d)'s bars against (e)'s, field by field, from one more run of each
 * @param wall the whole run: broker start, load, checks and every measurement
 */
public record BenchmarkResult(
    BenchmarkOptions options,
    String kafka,
    TopicLoader.Load load,
    int decodingChecked,
    List<RawTopicReader.Read> raw,
    List<BarsRun> dataStream,
    List<BarsRun> sql,
    List<BarsRun> dataStreamAll,
    List<BarsRun> sqlAll,
    BarComparison.Result fieldCheck,
    Duration wall) {

  /** How many intervals (d) and (e) compute. */
  public static int allIntervals() {
    return DataStreamBarsJob.DEFAULT_INTERVALS.size();
  }

  /**
   * What contradicts a faithful run; empty when (b) and (c), and (d) and (e), agree, nothing was
   * lost, and (d)'s bars equal (e)'s.
   */
  public List<String> problems() {
    long trades = options.trades();
    List<String> problems = new ArrayList<>();
    for (RawTopicReader.Read read : raw) {
      if (read.records() != trades) {
        problems.add("(a) read " + read.records() + " records, not " + trades);
      }
    }
    accountForTrades(problems, "(b)", dataStream, 1);
    holdAllTrades(problems, "(c)", sql, 1);
    accountForTrades(problems, "(d)", dataStreamAll, allIntervals());
    holdAllTrades(problems, "(e)", sqlAll, allIntervals());
    sameBarCounts(problems, "(b)", dataStream, "(c)", sql);
    sameBarCounts(problems, "(d)", dataStreamAll, "(e)", sqlAll);
    problems.addAll(fieldCheck.problems());
    return problems;
  }

  public boolean consistent() {
    return problems().isEmpty();
  }

  /** Each trade in one bar of each interval, or a dead letter. */
  private void accountForTrades(
      List<String> problems, String name, List<BarsRun> runs, int intervals) {
    long expected = intervals * options.trades();
    for (BarsRun run : runs) {
      long accounted = run.tradesInBars() + intervals * run.deadLetters();
      if (accounted != expected) {
        problems.add(
            name
                + " accounted for "
                + accounted
                + " trades (bars and dead letters"
                + (intervals == 1 ? "" : ", in each of " + intervals + " intervals")
                + "), not "
                + expected);
      }
    }
  }

  private void holdAllTrades(
      List<String> problems, String name, List<BarsRun> runs, int intervals) {
    long expected = intervals * options.trades();
    for (BarsRun run : runs) {
      if (run.tradesInBars() != expected) {
        problems.add(
            name
                + " bars hold "
                + run.tradesInBars()
                + " trades, not "
                + expected
                + (intervals == 1 ? "" : " (every trade in each of " + intervals + " intervals)"));
      }
    }
  }

  private static void sameBarCounts(
      List<String> problems,
      String dataStreamName,
      List<BarsRun> dataStream,
      String sqlName,
      List<BarsRun> sql) {
    List<Long> barCounts = new ArrayList<>();
    dataStream.forEach(run -> barCounts.add(run.bars()));
    sql.forEach(run -> barCounts.add(run.bars()));
    if (barCounts.stream().distinct().count() > 1) {
      problems.add(
          dataStreamName
              + " and "
              + sqlName
              + " produced different numbers of bars: "
              + dataStreamName
              + " "
              + dataStream.stream().map(BarsRun::bars).toList()
              + ", "
              + sqlName
              + " "
              + sql.stream().map(BarsRun::bars).toList());
    }
  }
}
