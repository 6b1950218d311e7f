package org.marketflow.benchmarks.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.Trade;

/**
 * The trades of a {@link TradeTape}, folded per instrument into consecutive time buckets of one
 * period by jobs-ohlc's own {@link OhlcAccumulator}: what a bar of that period holds. Buckets are
 * aligned on the epoch, as the jobs' bars and correlation steps are; a bucket in which an
 * instrument did not trade has no values for it. Endless, as the tape is.
 */
public final class TradeBuckets {

  private final TradeTape tape;
  private final long periodMs;
  private final Map<String, Integer> index = new HashMap<>();
  private Trade next;
  private long startMs;

  /**
   * One bucket of trades.
   *
   * @param startMs the bucket's start, epoch ms; it ends at {@code startMs + period}
   * @param values per instrument (in the order given to the constructor), null where it did not
   *     trade
   */
  public record Bucket(long startMs, OhlcAccumulator[] values) {}

  /** Buckets of {@code periodMs} of the trades of {@code instruments} on {@code tape}. */
  public TradeBuckets(TradeTape tape, List<String> instruments, long periodMs) {
    this.tape = tape;
    this.periodMs = periodMs;
    for (int i = 0; i < instruments.size(); i++) {
      index.put(instruments.get(i), i);
    }
    this.next = tape.next();
    this.startMs = Math.floorDiv(millis(next), periodMs) * periodMs;
  }

  /** The next bucket, the first one holding the tape's first trade. */
  public Bucket next() {
    long endMs = startMs + periodMs;
    OhlcAccumulator[] values = new OhlcAccumulator[index.size()];
    while (millis(next) < endMs) {
      Integer i = index.get(next.getInstrument());
      if (i == null) {
        throw new IllegalStateException("a trade of an unknown instrument: " + next);
      }
      if (values[i] == null) {
        values[i] = new OhlcAccumulator();
      }
      values[i].add(next);
      next = tape.next();
    }
    Bucket bucket = new Bucket(startMs, values);
    startMs = endMs;
    return bucket;
  }

  private static long millis(Trade trade) {
    return Math.floorDiv(trade.getExchangeTimeUs(), 1_000L);
  }
}
