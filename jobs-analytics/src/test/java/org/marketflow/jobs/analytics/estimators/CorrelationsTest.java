package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/**
 * Correlations and p-values against commons-math3's batch computations over the same window, to
 * 1e-9: Pearson (incremental, {@link RunningPearson}, and batch) against {@code
 * PearsonsCorrelation}, Spearman against {@code SpearmansCorrelation} (p-values against {@code
 * PearsonsCorrelation} of the ranks), Kendall against {@code KendallsCorrelation} (p-values against
 * the normal approximation written out).
 */
class CorrelationsTest {

  private static final double TOLERANCE = 1e-9;
  private static final int SERIES = 6;
  private static final int WINDOW = 60;

  @Test
  void runningPearsonEqualsABatchComputationOverEverySlidingWindow() {
    double[][] steps = correlatedReturns(2_000, 1);
    RunningPearson running = new RunningPearson(SERIES, WINDOW);
    int compared = 0;
    for (int t = 0; t < steps.length; t++) {
      running.add(steps[t]);
      if (t >= WINDOW - 1 && t % 7 == 0) {
        double[][] window = Arrays.copyOfRange(steps, t - WINDOW + 1, t + 1);
        PearsonsCorrelation batch = new PearsonsCorrelation(window);
        RealMatrix rho = batch.getCorrelationMatrix();
        RealMatrix p = batch.getCorrelationPValues();
        for (int i = 0; i < SERIES; i++) {
          for (int j = i + 1; j < SERIES; j++) {
            PairCorrelation pair = running.correlation(i, j, 10);
            assertThat(pair.observations()).isEqualTo(WINDOW);
            assertThat(pair.rho()).isCloseTo(rho.getEntry(i, j), within(TOLERANCE));
            assertThat(pair.pValue()).isCloseTo(p.getEntry(i, j), within(TOLERANCE));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(4_000);
  }

  @Test
  void missingValuesArePairwiseComplete() {
    double[][] steps = correlatedReturns(300, 2);
    for (int t = 0; t < steps.length; t += 5) {
      steps[t][t % SERIES] = Double.NaN; // one missing bar in every fifth step
    }
    RunningPearson running = new RunningPearson(SERIES, 100);
    for (double[] step : steps) {
      running.add(step);
    }
    double[][] window = Arrays.copyOfRange(steps, 200, 300);
    for (int i = 0; i < SERIES; i++) {
      for (int j = i + 1; j < SERIES; j++) {
        double[][] both = completePairs(column(window, i), column(window, j));
        double expected = new PearsonsCorrelation().correlation(both[0], both[1]);
        PairCorrelation incremental = running.correlation(i, j, 10);
        PairCorrelation batch =
            Correlations.of(CorrelationMethod.PEARSON, column(window, i), column(window, j), 10);
        assertThat(incremental.observations()).isEqualTo(both[0].length).isLessThan(100);
        assertThat(incremental.rho()).isCloseTo(expected, within(TOLERANCE));
        assertThat(batch.rho()).isCloseTo(expected, within(TOLERANCE));
        assertThat(batch.pValue()).isCloseTo(incremental.pValue(), within(TOLERANCE));
      }
    }
  }

  @Test
  void spearmanAndKendallEqualCommonsMathWithTheirPValues() {
    double[][] steps = correlatedReturns(240, 3);
    // Ties, as rounded prices give: ranks average them.
    for (double[] step : steps) {
      step[0] = Math.round(step[0] * 2e3) / 2e3;
    }
    for (int from = 0; from + WINDOW <= steps.length; from += 30) {
      double[][] window = Arrays.copyOfRange(steps, from, from + WINDOW);
      PearsonsCorrelation ranked = new PearsonsCorrelation(ranks(window));
      for (int i = 0; i < SERIES; i++) {
        for (int j = i + 1; j < SERIES; j++) {
          double[] x = column(window, i);
          double[] y = column(window, j);
          PairCorrelation spearman = Correlations.of(CorrelationMethod.SPEARMAN, x, y, 10);
          assertThat(spearman.rho())
              .isCloseTo(new SpearmansCorrelation().correlation(x, y), within(TOLERANCE));
          assertThat(spearman.pValue())
              .isCloseTo(ranked.getCorrelationPValues().getEntry(i, j), within(TOLERANCE));

          PairCorrelation kendall = Correlations.of(CorrelationMethod.KENDALL, x, y, 10);
          double tau = new KendallsCorrelation().correlation(x, y);
          double z =
              3 * tau * Math.sqrt(WINDOW * (WINDOW - 1.0)) / Math.sqrt(2 * (2 * WINDOW + 5.0));
          double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
          assertThat(kendall.rho()).isCloseTo(tau, within(TOLERANCE));
          assertThat(kendall.pValue()).isCloseTo(p, within(TOLERANCE));
        }
      }
    }
  }

  @Test
  void spearmanFromEachSeriesRanksEqualsSpearmanPerPair() {
    double[][] window = Arrays.copyOfRange(correlatedReturns(120, 5), 0, WINDOW);
    for (double[] step : window) {
      step[1] = Math.round(step[1] * 2e3) / 2e3; // ties
    }
    double[][] series = new double[SERIES][];
    for (int i = 0; i < SERIES; i++) {
      series[i] = column(window, i);
    }
    series[2][7] = Double.NaN; // a missing bar: that series is ranked per pair
    double[][] ranks = Correlations.ranksOfComplete(series);
    assertThat(ranks[2]).isNull();
    for (int i = 0; i < SERIES; i++) {
      for (int j = i + 1; j < SERIES; j++) {
        assertThat(Correlations.spearman(series[i], series[j], ranks[i], ranks[j], 10))
            .isEqualTo(Correlations.of(CorrelationMethod.SPEARMAN, series[i], series[j], 10));
      }
    }
  }

  @Test
  void aConstantSeriesOrTooFewStepsHaveNoCorrelation() {
    double[] x = {1, 2, 3, 4, 5};
    double[] flat = {2, 2, 2, 2, 2};
    for (CorrelationMethod method : CorrelationMethod.values()) {
      assertThat(Correlations.of(method, x, flat, 3).reason()).isEqualTo(Estimate.CONSTANT);
      assertThat(Correlations.of(method, x, x, 10).reason()).isEqualTo(Estimate.TOO_FEW_POINTS);
    }
    double[][] ranks = Correlations.ranksOfComplete(new double[][] {x, flat});
    assertThat(Correlations.spearman(x, flat, ranks[0], ranks[1], 3).reason())
        .isEqualTo(Estimate.CONSTANT);
    assertThat(Correlations.spearman(x, x, ranks[0], ranks[0], 10).reason())
        .isEqualTo(Estimate.TOO_FEW_POINTS);
    RunningPearson running = new RunningPearson(2, 10);
    for (int t = 0; t < 5; t++) {
      running.add(new double[] {x[t], flat[t]});
    }
    assertThat(running.correlation(0, 1, 3).reason()).isEqualTo(Estimate.CONSTANT);
    assertThat(running.correlation(0, 1, 6).reason()).isEqualTo(Estimate.TOO_FEW_POINTS);
    assertThat(Correlations.of(CorrelationMethod.PEARSON, x, x, 3).rho()).isEqualTo(1.0);
    assertThat(Correlations.of(CorrelationMethod.PEARSON, x, x, 3).pValue()).isEqualTo(0.0);
  }

  /** Returns of SERIES instruments sharing a market factor with different loadings. */
  static double[][] correlatedReturns(int steps, long seed) {
    Random random = new Random(seed);
    double[][] out = new double[steps][SERIES];
    for (int t = 0; t < steps; t++) {
      double market = random.nextGaussian();
      for (int i = 0; i < SERIES; i++) {
        double loading = 0.2 * i;
        out[t][i] = 1e-3 * (loading * market + random.nextGaussian()) + 2e-5;
      }
    }
    return out;
  }

  private static double[] column(double[][] rows, int i) {
    double[] out = new double[rows.length];
    for (int t = 0; t < rows.length; t++) {
      out[t] = rows[t][i];
    }
    return out;
  }

  private static double[][] completePairs(double[] x, double[] y) {
    int[] keep =
        java.util.stream.IntStream.range(0, x.length)
            .filter(t -> !Double.isNaN(x[t]) && !Double.isNaN(y[t]))
            .toArray();
    double[][] out = new double[2][keep.length];
    for (int k = 0; k < keep.length; k++) {
      out[0][k] = x[keep[k]];
      out[1][k] = y[keep[k]];
    }
    return out;
  }

  private static double[][] ranks(double[][] window) {
    double[][] out = new double[window.length][SERIES];
    org.apache.commons.math3.stat.ranking.NaturalRanking ranking =
        new org.apache.commons.math3.stat.ranking.NaturalRanking();
    for (int i = 0; i < SERIES; i++) {
      double[] r = ranking.rank(column(window, i));
      for (int t = 0; t < window.length; t++) {
        out[t][i] = r[t];
      }
    }
    return out;
  }
}
