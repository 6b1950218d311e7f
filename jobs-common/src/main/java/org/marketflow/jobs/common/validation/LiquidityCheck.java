package org.marketflow.jobs.common.validation;

import org.marketflow.schemas.avro.LiquidityMetrics;

/**
 * Whether a liquidity value of the microstructure job can be used by any job reading it: its USD
 * liquidity values, where present, finite and not negative. (A value without a total, for an
 * instrument without a USD rate, is valid: a reader ignores it.)
 */
public final class LiquidityCheck implements RecordCheck<LiquidityMetrics> {

  @Override
  public String problemWith(LiquidityMetrics value) {
    String problem = notNegative("bidLiquidityUsd", value.getBidLiquidityUsd());
    if (problem == null) {
      problem = notNegative("askLiquidityUsd", value.getAskLiquidityUsd());
    }
    return problem != null
        ? problem
        : notNegative("totalLiquidityUsd", value.getTotalLiquidityUsd());
  }

  /** Why {@code value} (null for absent) is not a finite number ≥ 0, or null when it is. */
  static String notNegative(String field, Double value) {
    if (value == null || (value >= 0 && !value.isInfinite())) {
      return null;
    }
    return field + " must be a finite number of at least 0, not " + value;
  }
}
