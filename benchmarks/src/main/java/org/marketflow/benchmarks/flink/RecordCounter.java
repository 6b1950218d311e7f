package org.marketflow.benchmarks.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Counts records and the trades they stand for into two accumulators; emits nothing. */
public final class RecordCounter<T> extends ProcessFunction<T, Void> {

  private final String recordsAccumulator;
  private final String tradesAccumulator;
  private final TradeCount<T> tradeCount;
  private transient LongCounter records;
  private transient LongCounter trades;

  public RecordCounter(
      String recordsAccumulator, String tradesAccumulator, TradeCount<T> tradeCount) {
    this.recordsAccumulator = recordsAccumulator;
    this.tradesAccumulator = tradesAccumulator;
    this.tradeCount = tradeCount;
  }

  @Override
  public void open(OpenContext openContext) {
    records = getRuntimeContext().getLongCounter(recordsAccumulator);
    trades = getRuntimeContext().getLongCounter(tradesAccumulator);
  }

  @Override
  public void processElement(T record, Context ctx, Collector<Void> out) {
    records.add(1L);
    trades.add(tradeCount.of(record));
  }
}
