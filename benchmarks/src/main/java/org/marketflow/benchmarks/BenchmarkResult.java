package org.marketflow.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.benchmarks.flink.BarsRun;
import org.marketflow.benchmarks.kafka.RawTopicReader;
import org.marketflow.benchmarks.kafka.TopicLoader;

/**
 * Everything one benchmark measured, in run order.
 *
 * @param kafka which broker served the topic
 * @param decodingChecked records the SQL table decoded exactly as {@code AvroCodec} does
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
    Duration wall) {

  /** What contradicts a faithful run; empty when (b) and (c) agree and nothing was lost. */
  public List<String> problems() {
    long trades = options.trades();
    List<String> problems = new ArrayList<>();
    for (RawTopicReader.Read read : raw) {
      if (read.records() != trades) {
        problems.add("(a) read " + read.records() + " records, not " + trades);
      }
    }
    for (BarsRun run : dataStream) {
      if (run.tradesInBars() + run.deadLetters() != trades) {
        problems.add(
            "(b) accounted for "
                + (run.tradesInBars() + run.deadLetters())
                + " trades (bars and dead letters), not "
                + trades);
      }
    }
    for (BarsRun run : sql) {
      if (run.tradesInBars() != trades) {
        problems.add("(c) bars hold " + run.tradesInBars() + " trades, not " + trades);
      }
    }
    List<Long> barCounts = new ArrayList<>();
    dataStream.forEach(run -> barCounts.add(run.bars()));
    sql.forEach(run -> barCounts.add(run.bars()));
    if (barCounts.stream().distinct().count() > 1) {
      problems.add(
          "(b) and (c) produced different numbers of bars: (b) "
              + dataStream.stream().map(BarsRun::bars).toList()
              + ", (c) "
              + sql.stream().map(BarsRun::bars).toList());
    }
    return problems;
  }

  public boolean consistent() {
    return problems().isEmpty();
  }
}
