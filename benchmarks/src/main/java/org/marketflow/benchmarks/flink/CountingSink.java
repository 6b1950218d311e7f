package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The end of a measured job: counts records, and the trades they stand for, in accumulators the job
 * result carries back, and discards them. The benchmark measures the computation, so nothing is
 * written anywhere. Sink V2 writers have no accumulators, hence a counting operator chained before
 * a discarding sink.
 */
public final class CountingSink {

  private CountingSink() {}

  /**
   * Counts {@code stream} into the accumulators named {@code counter}; {@code uid} is the prefix of
   * the two operators' uids.
   */
  public static <T> void attach(
      DataStream<T> stream, String counter, TradeCount<T> tradeCount, String uid, String name) {
    stream
        .process(new RecordCounter<>(counter, tradesCounter(counter), tradeCount))
        .uid(uid + "-count")
        .name(name)
        .sinkTo(new DiscardingSink<>())
        .uid(uid + "-discard")
        .name("Discard");
  }

  /**
   * Counts the records of one of a job's outputs, each standing for one record, into the
   * accumulator {@code counter}; the operators' uids are {@code bench-<counter>-count} and {@code
   * -discard}.
   */
  public static <T> void count(DataStream<T> output, String counter) {
    attach(output, counter, TradeCount.one(), "bench-" + counter, "Count " + counter);
  }

  /** What the sink named {@code counter} counted in a finished job. */
  public static long records(JobExecutionResult result, String counter) {
    return valueOf(result, counter);
  }

  /** The trades the records counted by {@code counter} stood for. */
  public static long trades(JobExecutionResult result, String counter) {
    return valueOf(result, tradesCounter(counter));
  }

  private static String tradesCounter(String counter) {
    return counter + ".trades";
  }

  private static long valueOf(JobExecutionResult result, String accumulator) {
    // A counter that never saw a record may have left no accumulator behind.
    Long value = result.getAccumulatorResult(accumulator);
    return value == null ? 0L : value;
  }
}
