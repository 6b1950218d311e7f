package org.marketflow.jobs.microstructure.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.schemas.avro.MarketTick;

/** Keys ticks by their instrument's id. */
public class TickInstrument implements KeySelector<MarketTick, String> {

  @Override
  public String getKey(MarketTick tick) {
    return tick.getInstrument();
  }
}
