package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GARCH(1,1) on long simulated series with known parameters. Tolerance: with 20,000 returns the
 * maximum-likelihood estimates' standard errors are about 0.005 for α and 0.01 for β; the test
 * allows α ± 0.02, β ± 0.04, α + β ± 0.01 and the long-run variance within 15 %.
 */
class Garch11Test {

  @ParameterizedTest
  @CsvSource({
    "1e-6, 0.10, 0.85, 1",
    "2e-7, 0.05, 0.93, 2",
    "5e-6, 0.15, 0.70, 3",
  })
  void recoversTheParametersOfASimulatedSeries(double omega, double alpha, double beta, long seed) {
    double[] returns = simulate(omega, alpha, beta, 20_000, seed);

    Garch11.Result result = Garch11.fit(returns, null);

    GarchFit fit = result.fit();
    assertThat(fit).as(result.reason()).isNotNull();
    assertThat(fit.converged()).isTrue();
    assertThat(fit.alpha()).isCloseTo(alpha, within(0.02));
    assertThat(fit.beta()).isCloseTo(beta, within(0.04));
    assertThat(fit.persistence()).isCloseTo(alpha + beta, within(0.01));
    double longRun = omega / (1 - alpha - beta);
    assertThat(fit.longRunVariance()).isCloseTo(longRun, within(0.15 * longRun));
    assertThat(fit.observations()).isEqualTo(20_000);
  }

  @Test
  void theFitIsAMaximumOfTheLikelihood() {
    double[] returns = simulate(1e-6, 0.1, 0.85, 5_000, 7);
    GarchFit fit = Garch11.fit(returns, null).fit();
    double[] residuals = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      residuals[i] = returns[i] - fit.mean();
    }
    double at =
        Garch11.logLikelihood(new double[] {fit.omega(), fit.alpha(), fit.beta()}, residuals);
    assertThat(fit.logLikelihood()).isCloseTo(at, within(1e-6));
    for (double[] step :
        new double[][] {
          {1.01, 0, 0}, {0.99, 0, 0}, {1, 0.005, 0}, {1, -0.005, 0}, {1, 0, 0.005}, {1, 0, -0.005}
        }) {
      double[] nearby = {fit.omega() * step[0], fit.alpha() + step[1], fit.beta() + step[2]};
      assertThat(Garch11.logLikelihood(nearby, residuals)).isLessThanOrEqualTo(at + 1e-9);
    }
  }

  @Test
  void forecastsFollowTheGarchRecursion() {
    double[] returns = simulate(1e-6, 0.1, 0.85, 3_000, 11);
    GarchFit fit = Garch11.fit(returns, null).fit();

    // σ²_T by running the recursion over the returns, then σ²_{T+1} = ω + α ε_T² + β σ²_T.
    double variance = sampleVariance(returns, fit.mean());
    for (int i = 0; i < returns.length - 1; i++) {
      double e = returns[i] - fit.mean();
      variance = fit.omega() + fit.alpha() * e * e + fit.beta() * variance;
    }
    assertThat(fit.lastVariance()).isCloseTo(variance, within(variance * 1e-12));
    double last = returns[returns.length - 1] - fit.mean();
    double next = fit.omega() + fit.alpha() * last * last + fit.beta() * variance;
    assertThat(fit.nextVariance()).isCloseTo(next, within(next * 1e-12));

    // Ahead: E[ε²] = σ², so σ²_{T+k+1} = ω + (α + β) σ²_{T+k}.
    double ahead = next;
    double sum = next;
    for (int h = 2; h <= 50; h++) {
      ahead = fit.omega() + fit.persistence() * ahead;
      sum += ahead;
      assertThat(fit.varianceAhead(h)).isCloseTo(ahead, within(ahead * 1e-9));
    }
    assertThat(fit.volatilityOver(50)).isCloseTo(Math.sqrt(sum), within(Math.sqrt(sum) * 1e-9));
  }

  @Test
  void keepsTheLastGoodFitAndSaysSoWhenTheNewWindowCannotBeFitted() {
    GarchFit good = Garch11.fit(simulate(1e-6, 0.1, 0.85, 2_000, 5), null).fit();
    double[] constant = new double[500];

    Garch11.Result kept = Garch11.fit(constant, good);

    assertThat(kept.reason()).isEqualTo(Estimate.CONSTANT);
    assertThat(kept.fit().converged()).isFalse();
    assertThat(kept.fit().note()).isEqualTo(Estimate.CONSTANT);
    assertThat(kept.fit().alpha()).isEqualTo(good.alpha());
    assertThat(Garch11.fit(new double[10], null))
        .isEqualTo(new Garch11.Result(null, Estimate.TOO_FEW_POINTS));
    double[] withNan = simulate(1e-6, 0.1, 0.85, 200, 5);
    withNan[50] = Double.NaN;
    assertThat(Garch11.fit(withNan, null).reason()).isEqualTo(Estimate.INVALID_INPUT);
  }

  /** εₜ = σₜ zₜ with zₜ standard normal, σ²ₜ by the recursion from the long-run variance. */
  static double[] simulate(double omega, double alpha, double beta, int n, long seed) {
    Random random = new Random(seed);
    double variance = omega / (1 - alpha - beta);
    double[] out = new double[n];
    for (int burn = 0; burn < 1_000; burn++) {
      double e = Math.sqrt(variance) * random.nextGaussian();
      variance = omega + alpha * e * e + beta * variance;
    }
    for (int t = 0; t < n; t++) {
      double e = Math.sqrt(variance) * random.nextGaussian();
      out[t] = e;
      variance = omega + alpha * e * e + beta * variance;
    }
    return out;
  }

  private static double sampleVariance(double[] values, double mean) {
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }
}
