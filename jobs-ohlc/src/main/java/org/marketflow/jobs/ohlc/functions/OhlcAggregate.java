package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.Trade;

/** Folds trades into a bar incrementally, so a window holds one accumulator, not its trades. */
public class OhlcAggregate
    implements AggregateFunction<Consumed<Trade>, OhlcAccumulator, OhlcAccumulator> {

  @Override
  public OhlcAccumulator createAccumulator() {
    return new OhlcAccumulator();
  }

  @Override
  public OhlcAccumulator add(Consumed<Trade> trade, OhlcAccumulator accumulator) {
    accumulator.add(trade.value);
    return accumulator;
  }

  @Override
  public OhlcAccumulator getResult(OhlcAccumulator accumulator) {
    return accumulator;
  }

  @Override
  public OhlcAccumulator merge(OhlcAccumulator a, OhlcAccumulator b) {
    a.merge(b);
    return a;
  }
}
