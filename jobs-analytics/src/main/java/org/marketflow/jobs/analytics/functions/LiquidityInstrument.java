package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.schemas.avro.LiquidityMetrics;

/** Liquidity values keyed by instrument. */
public class LiquidityInstrument implements KeySelector<LiquidityMetrics, String> {

  @Override
  public String getKey(LiquidityMetrics value) {
    return value.getInstrument();
  }
}
