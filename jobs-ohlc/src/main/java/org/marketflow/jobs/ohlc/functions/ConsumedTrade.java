package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.common.functions.MapFunction;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.Trade;

/** The trade of a consumed record that passed its checks. */
public class ConsumedTrade implements MapFunction<Consumed<Trade>, Trade> {

  @Override
  public Trade map(Consumed<Trade> consumed) {
    return consumed.value;
  }
}
