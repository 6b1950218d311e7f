package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.Trade;

/** Bars are per instrument. */
public class TradeInstrument implements KeySelector<Consumed<Trade>, String> {

  @Override
  public String getKey(Consumed<Trade> trade) {
    return trade.value.getInstrument();
  }
}
