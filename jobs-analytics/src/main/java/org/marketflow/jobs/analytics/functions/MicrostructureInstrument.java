package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.schemas.avro.MarketMicrostructure;

/** Microstructure seconds keyed by instrument. */
public class MicrostructureInstrument implements KeySelector<MarketMicrostructure, String> {

  @Override
  public String getKey(MarketMicrostructure second) {
    return second.getInstrument();
  }
}
