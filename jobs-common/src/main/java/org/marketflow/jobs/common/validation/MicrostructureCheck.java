package org.marketflow.jobs.common.validation;

import static org.marketflow.jobs.common.validation.LiquidityCheck.notNegative;

import org.marketflow.schemas.avro.MarketMicrostructure;

/**
 * Whether a second of the microstructure job's metrics can be used by any job reading its prices
 * and spreads: the mid price, where present, a positive finite number; the quoted spreads (at the
 * end of the second and averaged over it), where present, finite and not negative.
 */
public final class MicrostructureCheck implements RecordCheck<MarketMicrostructure> {

  @Override
  public String problemWith(MarketMicrostructure second) {
    Double mid = second.getMidPrice();
    if (mid != null && !(mid > 0 && !mid.isInfinite())) {
      return "midPrice must be a positive finite number, not " + mid;
    }
    String problem = notNegative("quotedSpreadBps", second.getQuotedSpreadBps());
    return problem != null ? problem : notNegative("spreadBps", second.getSpreadBps());
  }
}
