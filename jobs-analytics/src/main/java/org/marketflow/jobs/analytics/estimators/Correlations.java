package org.marketflow.jobs.analytics.estimators;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Batch correlations of two aligned series with their two-sided p-values. NaN marks a missing value
 * (a missing bar): a pair uses only the time steps where both series have a value (pairwise
 * complete). Fewer than {@code minObservations} such steps, or a constant series, give an undefined
 * correlation with the reason.
 *
 * <ul>
 *   <li>Pearson: p from t = |ρ| √((n − 2)/(1 − ρ²)) with n − 2 degrees of freedom, as
 *       commons-math3's {@code PearsonsCorrelation} computes it.
 *   <li>Spearman: ρ of the ranks (ties averaged, commons-math3's {@code SpearmansCorrelation}), p
 *       by the same t statistic on the ranks.
 *   <li>Kendall: τ-b (commons-math3's {@code KendallsCorrelation}), p from the normal approximation
 *       z = 3τ √(n(n − 1)) / √(2(2n + 5)).
 * </ul>
 */
public final class Correlations {

  /** The fewest common steps a correlation needs; the p-value's t statistic needs 3. */
  public static final int MIN_OBSERVATIONS = 3;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private Correlations() {}

  public static PairCorrelation of(
      CorrelationMethod method, double[] x, double[] y, int minObservations) {
    double[][] common = pairwiseComplete(x, y);
    int n = common[0].length;
    if (n < Math.max(MIN_OBSERVATIONS, minObservations)) {
      return PairCorrelation.undefined(n, Estimate.TOO_FEW_POINTS);
    }
    if (isConstant(common[0]) || isConstant(common[1])) {
      return PairCorrelation.undefined(n, Estimate.CONSTANT);
    }
    return switch (method) {
      case PEARSON -> {
        double rho = pearson(common[0], common[1]);
        yield PairCorrelation.of(rho, tTestPValue(rho, n), n);
      }
      case SPEARMAN -> {
        double rho = new SpearmansCorrelation().correlation(common[0], common[1]);
        yield PairCorrelation.of(rho, tTestPValue(rho, n), n);
      }
      case KENDALL -> {
        double tau = new KendallsCorrelation().correlation(common[0], common[1]);
        yield PairCorrelation.of(tau, kendallPValue(tau, n), n);
      }
    };
  }

  /** Pearson's ρ from running sums, the form {@link RunningPearson} keeps. */
  static double pearsonFromSums(
      long n, double sumX, double sumY, double sumXX, double sumYY, double sumXY) {
    double covariance = n * sumXY - sumX * sumY;
    double varianceX = n * sumXX - sumX * sumX;
    double varianceY = n * sumYY - sumY * sumY;
    if (!(varianceX > 0) || !(varianceY > 0)) {
      return Double.NaN;
    }
    return clamp(covariance / Math.sqrt(varianceX * varianceY));
  }

  /**
   * Spearman's ρ and p of two series from their ranks, as {@link #of} computes them, where each
   * series has no missing value: ranking each series once for a whole matrix, instead of once per
   * pair, is what makes a matrix of many series affordable.
   *
   * @param ranksX the ranks of {@code x} ({@link #ranksOfComplete}), null if it has a missing value
   */
  public static PairCorrelation spearman(
      double[] x, double[] y, double[] ranksX, double[] ranksY, int minObservations) {
    if (ranksX == null || ranksY == null) {
      return of(CorrelationMethod.SPEARMAN, x, y, minObservations);
    }
    int n = x.length;
    if (n < Math.max(MIN_OBSERVATIONS, minObservations)) {
      return PairCorrelation.undefined(n, Estimate.TOO_FEW_POINTS);
    }
    if (isConstant(x) || isConstant(y)) {
      return PairCorrelation.undefined(n, Estimate.CONSTANT);
    }
    // What SpearmansCorrelation computes: Pearson's ρ of the ranks.
    double rho = new PearsonsCorrelation().correlation(ranksX, ranksY);
    return PairCorrelation.of(rho, tTestPValue(rho, n), n);
  }

  /**
   * Each series' ranks (ties averaged, as {@code SpearmansCorrelation} ranks), or null for a series
   * with a missing value, whose ranks depend on the other series of each pair.
   */
  public static double[][] ranksOfComplete(double[][] series) {
    NaturalRanking ranking = new NaturalRanking(TiesStrategy.AVERAGE);
    double[][] ranks = new double[series.length][];
    for (int i = 0; i < series.length; i++) {
      boolean complete = true;
      for (double value : series[i]) {
        complete &= Double.isFinite(value);
      }
      ranks[i] = complete ? ranking.rank(series[i]) : null;
    }
    return ranks;
  }

  /** Two-sided p of ρ = 0 from t = |ρ| √((n − 2)/(1 − ρ²)), n − 2 degrees of freedom. */
  public static double tTestPValue(double rho, int n) {
    double t = Math.abs(rho * Math.sqrt((n - 2) / (1 - rho * rho)));
    // No random generator: a distribution made with one seeds a Mersenne twister, which cost
    // more than the rest of a matrix's p-values together; only sampling would use it.
    return 2 * new TDistribution(null, n - 2).cumulativeProbability(-t);
  }

  /** Two-sided p of τ = 0 from the normal approximation of Kendall's τ under independence. */
  public static double kendallPValue(double tau, int n) {
    double z = 3 * tau * Math.sqrt((double) n * (n - 1)) / Math.sqrt(2.0 * (2 * n + 5));
    return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
  }

  private static double pearson(double[] x, double[] y) {
    double sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0;
    for (int i = 0; i < x.length; i++) {
      sumX += x[i];
      sumY += y[i];
      sumXX += x[i] * x[i];
      sumYY += y[i] * y[i];
      sumXY += x[i] * y[i];
    }
    return pearsonFromSums(x.length, sumX, sumY, sumXX, sumYY, sumXY);
  }

  private static double[][] pairwiseComplete(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series of different lengths: " + x.length + ", " + y.length);
    }
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
      }
    }
    double[][] common = new double[2][n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        common[0][k] = x[i];
        common[1][k++] = y[i];
      }
    }
    return common;
  }

  private static boolean isConstant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  static double clamp(double rho) {
    return Math.max(-1, Math.min(1, rho));
  }
}
