package org.marketflow.benchmarks.analytics;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;

/**
 * The batch recomputation: one method's correlation matrix and two-sided p-values over a window of
 * complete returns (rows = time steps, columns = instruments), by commons-math3's matrix classes,
 * as a consumer without the job's incremental code would compute them at every step.
 *
 * <ul>
 *   <li>Pearson: {@link PearsonsCorrelation}, its {@code getCorrelationPValues} (t with n − 2
 *       degrees of freedom).
 *   <li>Spearman: {@link SpearmansCorrelation} (each column ranked once, ties averaged), p-values
 *       of the ranks' {@link PearsonsCorrelation}.
 *   <li>Kendall: {@link KendallsCorrelation} (τ-b); commons-math3 has no test for τ, so p is the
 *       normal approximation z = 3τ √(n(n − 1)) / √(2(2n + 5)), p = 2 Φ(−|z|), written out here.
 * </ul>
 *
 * A constant column gives NaN, where the job's matrix has null.
 */
final class BatchCorrelations {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  /** ρ and p of every pair, NaN where undefined. */
  record Matrices(RealMatrix rho, RealMatrix pValues) {}

  private BatchCorrelations() {}

  static Matrices of(CorrelationMethod method, double[][] window) {
    return switch (method) {
      case PEARSON -> {
        PearsonsCorrelation pearson = new PearsonsCorrelation(window);
        yield new Matrices(pearson.getCorrelationMatrix(), pearson.getCorrelationPValues());
      }
      case SPEARMAN -> {
        SpearmansCorrelation spearman = new SpearmansCorrelation(new BlockRealMatrix(window));
        yield new Matrices(
            spearman.getCorrelationMatrix(), spearman.getRankCorrelation().getCorrelationPValues());
      }
      case KENDALL -> {
        RealMatrix tau = new KendallsCorrelation(window).getCorrelationMatrix();
        yield new Matrices(tau, kendallPValues(tau, window.length));
      }
    };
  }

  private static RealMatrix kendallPValues(RealMatrix tau, int n) {
    RealMatrix p = tau.createMatrix(tau.getRowDimension(), tau.getColumnDimension());
    double scale = 3 * Math.sqrt((double) n * (n - 1)) / Math.sqrt(2.0 * (2 * n + 5));
    for (int i = 0; i < tau.getRowDimension(); i++) {
      for (int j = 0; j < tau.getColumnDimension(); j++) {
        double z = scale * tau.getEntry(i, j);
        p.setEntry(i, j, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
      }
    }
    return p;
  }
}
