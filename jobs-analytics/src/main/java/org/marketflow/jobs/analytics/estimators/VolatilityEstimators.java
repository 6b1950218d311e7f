package org.marketflow.jobs.analytics.estimators;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Per-period (not annualized) volatility estimators over consecutive bars, oldest first. Multiply
 * by {@link Annualization#factor} for an annual figure. Every estimator answers undefined, with the
 * reason, when a bar is invalid ({@link PriceBar#isValid}) or there are too few bars.
 */
public final class VolatilityEstimators {

  /** 2 ln 2 − 1, the weight of the open-to-close term in Garman–Klass. */
  private static final double GK_OPEN_CLOSE = 2 * Math.log(2) - 1;

  private VolatilityEstimators() {}

  /** The log returns ln(cᵢ / cᵢ₋₁) of consecutive closes; null when a bar is invalid. */
  public static double[] logReturns(List<PriceBar> bars) {
    if (!allValid(bars)) {
      return null;
    }
    double[] returns = new double[Math.max(0, bars.size() - 1)];
    for (int i = 1; i < bars.size(); i++) {
      returns[i - 1] = Math.log(bars.get(i).close() / bars.get(i - 1).close());
    }
    return returns;
  }

  /**
   * Realized volatility: the sample standard deviation (n − 1 denominator) of the log returns of
   * consecutive closes; needs 3 bars (2 returns). Constant prices give 0.
   */
  public static Estimate realized(List<PriceBar> bars) {
    double[] returns = logReturns(bars);
    if (returns == null) {
      return Estimate.undefined(Estimate.INVALID_INPUT);
    }
    return standardDeviation(returns);
  }

  /** The sample standard deviation of {@code values}; needs 2 values. */
  public static Estimate standardDeviation(double[] values) {
    if (values.length < 2) {
      return Estimate.undefined(Estimate.TOO_FEW_POINTS);
    }
    return Estimate.of(new StandardDeviation(true).evaluate(values));
  }

  /** Parkinson (1980): σ² = Σ ln(Hᵢ/Lᵢ)² / (4 n ln 2); needs 1 bar. */
  public static Estimate parkinson(List<PriceBar> bars) {
    return meanOfBarTerms(bars, VolatilityEstimators::parkinsonTerm);
  }

  /**
   * Garman–Klass (1980): σ² = (1/n) Σ [½ ln(Hᵢ/Lᵢ)² − (2 ln 2 − 1) ln(Cᵢ/Oᵢ)²]; needs 1 bar. Each
   * term is non-negative since |ln(C/O)| ≤ ln(H/L).
   */
  public static Estimate garmanKlass(List<PriceBar> bars) {
    return meanOfBarTerms(bars, VolatilityEstimators::garmanKlassTerm);
  }

  private static double parkinsonTerm(PriceBar bar) {
    double range = Math.log(bar.high() / bar.low());
    return range * range / (4 * Math.log(2));
  }

  private static double garmanKlassTerm(PriceBar bar) {
    double range = Math.log(bar.high() / bar.low());
    double body = Math.log(bar.close() / bar.open());
    return 0.5 * range * range - GK_OPEN_CLOSE * body * body;
  }

  /** √(mean of a per-bar variance term), the form of both range estimators. */
  private static Estimate meanOfBarTerms(List<PriceBar> bars, ToDoubleFunction<PriceBar> term) {
    if (!allValid(bars)) {
      return Estimate.undefined(Estimate.INVALID_INPUT);
    }
    if (bars.isEmpty()) {
      return Estimate.undefined(Estimate.TOO_FEW_POINTS);
    }
    double sum = 0;
    for (PriceBar bar : bars) {
      sum += term.applyAsDouble(bar);
    }
    return Estimate.of(Math.sqrt(Math.max(0, sum / bars.size())));
  }

  /**
   * Vol of vol: the sample standard deviation of the realized volatilities of consecutive,
   * non-overlapping blocks of {@code blockReturns} returns, the most recent blocks first (returns
   * older than the oldest full block are left out). Needs 2 full blocks. Per period, in the same
   * units as {@link #realized}: annualize with the same factor.
   */
  public static Estimate volOfVol(List<PriceBar> bars, int blockReturns) {
    if (blockReturns < 2) {
      throw new IllegalArgumentException("blockReturns must be at least 2: " + blockReturns);
    }
    double[] returns = logReturns(bars);
    if (returns == null) {
      return Estimate.undefined(Estimate.INVALID_INPUT);
    }
    int blocks = returns.length / blockReturns;
    if (blocks < 2) {
      return Estimate.undefined(Estimate.TOO_FEW_POINTS);
    }
    int first = returns.length - blocks * blockReturns;
    StandardDeviation blockDeviation = new StandardDeviation(true);
    double[] vols = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      vols[b] = blockDeviation.evaluate(returns, first + b * blockReturns, blockReturns);
    }
    return standardDeviation(vols);
  }

  private static boolean allValid(List<PriceBar> bars) {
    for (PriceBar bar : bars) {
      if (!bar.isValid()) {
        return false;
      }
    }
    return true;
  }
}
