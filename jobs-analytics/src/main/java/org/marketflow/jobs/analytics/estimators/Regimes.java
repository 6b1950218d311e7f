package org.marketflow.jobs.analytics.estimators;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The regime rules that classify one number against thresholds. Each answers null when it cannot
 * judge (too little history, an undefined input).
 */
public final class Regimes {

  /** Volatility regime percentiles of the instrument's own trailing volatilities. */
  public static final double LOW_VOL_PERCENTILE = 25;

  public static final double HIGH_VOL_PERCENTILE = 75;

  /** Liquidity below these fractions of its trailing median is STRESSED, CRISIS. */
  public static final double STRESSED_LIQUIDITY = 0.5;

  public static final double CRISIS_LIQUIDITY = 0.2;

  /** A change of the average correlation by this much or more is a regime change. */
  public static final double CORRELATION_SHIFT = 0.2;

  public enum Volatility {
    LOW,
    MEDIUM,
    HIGH
  }

  public enum Liquidity {
    NORMAL,
    STRESSED,
    CRISIS
  }

  public enum Correlation {
    NORMAL,
    BREAKDOWN,
    CRISIS
  }

  private Regimes() {}

  /**
   * LOW at or below the 25th percentile of {@code trailing} (the instrument's own earlier
   * volatilities), HIGH at or above the 75th, MEDIUM between; null with fewer than {@code
   * minTrailing} trailing values. Percentiles as commons-math3's default estimator computes them.
   */
  public static Volatility volatility(double current, double[] trailing, int minTrailing) {
    double[] finite = Arrays.stream(trailing).filter(Double::isFinite).toArray();
    if (!Double.isFinite(current) || finite.length < Math.max(1, minTrailing)) {
      return null;
    }
    Percentile percentile = new Percentile();
    percentile.setData(finite);
    if (current <= percentile.evaluate(LOW_VOL_PERCENTILE)) {
      return Volatility.LOW;
    }
    if (current >= percentile.evaluate(HIGH_VOL_PERCENTILE)) {
      return Volatility.HIGH;
    }
    return Volatility.MEDIUM;
  }

  /**
   * From the total liquidity (USD) against its trailing median: NORMAL from half the median up,
   * STRESSED from a fifth, CRISIS below; null without liquidity data or a positive median.
   */
  public static Liquidity liquidity(Double current, double trailingMedian) {
    if (current == null || !Double.isFinite(current) || !(trailingMedian > 0)) {
      return null;
    }
    double ratio = current / trailingMedian;
    if (ratio >= STRESSED_LIQUIDITY) {
      return Liquidity.NORMAL;
    }
    return ratio >= CRISIS_LIQUIDITY ? Liquidity.STRESSED : Liquidity.CRISIS;
  }

  /**
   * From the change Δ of the average pairwise correlation against the previous matrix of the same
   * window and method: {@link #correlationChange} of Δ = {@code averageNow − averageBefore}; null
   * without a previous matrix.
   */
  public static Correlation correlation(Double averageNow, Double averageBefore) {
    if (averageNow == null || averageBefore == null) {
      return null;
    }
    return correlationChange(averageNow - averageBefore);
  }

  /**
   * From a change Δ of average correlation: NORMAL when |Δ| < 0.2, BREAKDOWN when it fell by 0.2 or
   * more (the instruments stop moving together), CRISIS when it rose by 0.2 or more (everything
   * moves together, as in a sell-off); null for no (or a non-finite) change.
   */
  public static Correlation correlationChange(Double change) {
    if (change == null || !Double.isFinite(change)) {
      return null;
    }
    if (change <= -CORRELATION_SHIFT) {
      return Correlation.BREAKDOWN;
    }
    return change >= CORRELATION_SHIFT ? Correlation.CRISIS : Correlation.NORMAL;
  }
}
