package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.schemas.avro.MarketRegimeIndicators;

/** Regime records keyed by instrument. */
public class RegimeInstrument implements KeySelector<MarketRegimeIndicators, String> {

  @Override
  public String getKey(MarketRegimeIndicators record) {
    return record.getInstrument().toString();
  }
}
