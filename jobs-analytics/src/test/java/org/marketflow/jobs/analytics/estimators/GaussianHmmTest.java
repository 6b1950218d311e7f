package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On a simulated two-regime series (σ 1e-3 calm, 3e-3 turbulent, staying probabilities 0.99 and
 * 0.97), Baum–Welch recovers the volatilities within 10 % and the staying probabilities within
 * 0.02, and the online filter's most likely state is the true one at least 90 % of the time.
 */
class GaussianHmmTest {

  @Test
  void recoversTheRegimesOfASimulatedSeriesAndFiltersThemOnline() {
    Random random = new Random(42);
    int n = 8_000;
    double[] sigma = {1e-3, 3e-3};
    double[] stay = {0.99, 0.97};
    double[] returns = new double[n];
    int[] states = new int[n];
    int state = 0;
    for (int t = 0; t < n; t++) {
      if (random.nextDouble() > stay[state]) {
        state = 1 - state;
      }
      states[t] = state;
      returns[t] = sigma[state] * random.nextGaussian();
    }

    GaussianHmm.Parameters fit = GaussianHmm.fit(returns, 100);

    assertThat(Math.sqrt(fit.variances()[0])).isCloseTo(sigma[0], within(0.1 * sigma[0]));
    assertThat(Math.sqrt(fit.variances()[1])).isCloseTo(sigma[1], within(0.1 * sigma[1]));
    assertThat(fit.transitions()[0][0]).isCloseTo(stay[0], within(0.02));
    assertThat(fit.transitions()[1][1]).isCloseTo(stay[1], within(0.02));

    GaussianHmm.Filter filter = new GaussianHmm.Filter(fit);
    int right = 0;
    for (int t = 0; t < n; t++) {
      filter.update(returns[t]);
      if (filter.mostLikelyState() == states[t]) {
        right++;
      }
      assertThat(filter.probabilities()[0] + filter.probabilities()[1]).isCloseTo(1, within(1e-12));
    }
    assertThat(right).isGreaterThan((int) (0.9 * n));
  }

  @Test
  void anOutlierFarBeyondBothStatesLeavesAProperDistribution() {
    Random random = new Random(1);
    double[] returns = new double[500];
    for (int t = 0; t < returns.length; t++) {
      returns[t] = 1e-3 * random.nextGaussian();
    }
    returns[250] = 1.0; // a thousand σ
    GaussianHmm.Parameters fit = GaussianHmm.fit(returns, 100);
    assertThat(fit).isNotNull();
    assertThat(Double.isFinite(fit.logLikelihood())).isTrue();
    GaussianHmm.Filter filter = new GaussianHmm.Filter(fit);
    filter.update(50.0);
    assertThat(filter.mostLikelyState()).isEqualTo(1);
    assertThat(filter.mostLikelyProbability()).isBetween(0.5, 1.0);
  }

  @Test
  void constantOrTooFewReturnsHaveNoModel() {
    assertThat(GaussianHmm.fit(new double[200], 100)).isNull();
    assertThat(GaussianHmm.fit(new double[] {1, 2, 3}, 100)).isNull();
  }
}
