package org.marketflow.jobs.analytics.state;

/**
 * What one instrument's liquidity analytics keep between its liquidity values, as a Flink POJO (no
 * Kryo): the start of the last value's minute and the trailing total liquidities (USD, oldest
 * first). Bounded by {@code analytics.liquidity-trailing-minutes} values.
 */
public class LiquidityHistory {
  public long lastStartMs = Long.MIN_VALUE;
  public double[] totals = new double[0];

  public LiquidityHistory() {}
}
