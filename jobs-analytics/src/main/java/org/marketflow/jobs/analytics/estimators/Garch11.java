package org.marketflow.jobs.analytics.estimators;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * GARCH(1,1) by Gaussian maximum likelihood, maximized with commons-math3's Nelder–Mead simplex.
 *
 * <p>The constraints hold by construction: the optimizer moves freely over (x₀, x₁, x₂) and the
 * parameters are ω = s² e^{x₀}, α + β = logistic(x₁), α = (α + β) · logistic(x₂), β the rest, with
 * s² the sample variance (so the optimizer works on numbers near 1 whatever the returns' scale).
 * Hence ω > 0, α ≥ 0, β ≥ 0 and α + β < 1 for every point it tries. The recursion starts at σ²₁ =
 * s². A fit that does not converge within {@link #MAX_EVALUATIONS}, or converges to a non-finite
 * likelihood, keeps the previous good fit, marked not converged with the reason.
 */
public final class Garch11 {

  /** The least returns a fit takes. */
  public static final int MIN_OBSERVATIONS = 100;

  static final int MAX_EVALUATIONS = 20_000;

  private static final double LN_2PI = Math.log(2 * Math.PI);

  private Garch11() {}

  /**
   * Fits {@code returns} (oldest first). Without convergence, answers {@code previous} marked not
   * converged, or undefined when there is none.
   */
  public static Result fit(double[] returns, GarchFit previous) {
    if (returns.length < MIN_OBSERVATIONS) {
      return keep(previous, Estimate.TOO_FEW_POINTS);
    }
    for (double r : returns) {
      if (!Double.isFinite(r)) {
        return keep(previous, Estimate.INVALID_INPUT);
      }
    }
    double mean = new Mean().evaluate(returns);
    double[] residuals = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      residuals[i] = returns[i] - mean;
    }
    double variance = new Variance(false).evaluate(residuals);
    if (!(variance > 0)) {
      return keep(previous, Estimate.CONSTANT);
    }
    MultivariateFunction logLikelihood = x -> logLikelihood(parameters(x, variance), residuals);
    PointValuePair best;
    try {
      best =
          new SimplexOptimizer(1e-10, 1e-12)
              .optimize(
                  new MaxEval(MAX_EVALUATIONS),
                  new ObjectiveFunction(logLikelihood),
                  GoalType.MAXIMIZE,
                  new InitialGuess(start()),
                  new NelderMeadSimplex(3, 0.5));
    } catch (TooManyEvaluationsException e) {
      return keep(previous, "optimizer did not converge in " + MAX_EVALUATIONS + " evaluations");
    }
    double ll = best.getValue();
    if (!Double.isFinite(ll)) {
      return keep(previous, "non-finite likelihood at the optimum");
    }
    double[] p = parameters(best.getPoint(), variance);

    return new Result(
        new GarchFit(
            p[0],
            p[1],
            p[2],
            mean,
            ll,
            lastVariance(p, residuals, variance),
            residuals[residuals.length - 1],
            returns.length,
            true,
            null),
        null);
  }

  /** The log-likelihood of (ω, α, β) on demeaned {@code residuals}, σ²₁ the sample variance. */
  public static double logLikelihood(double[] omegaAlphaBeta, double[] residuals) {
    double omega = omegaAlphaBeta[0];
    double alpha = omegaAlphaBeta[1];
    double beta = omegaAlphaBeta[2];
    double variance = new Variance(false).evaluate(residuals);
    double sum = 0;
    for (double e : residuals) {
      sum += LN_2PI + Math.log(variance) + e * e / variance;
      variance = omega + alpha * e * e + beta * variance;
    }
    return -0.5 * sum;
  }

  /** Start: α = 0.05, β = 0.90, ω = s² (1 − α − β). */
  private static double[] start() {
    double persistence = 0.95;
    double alphaShare = 0.05 / 0.95;
    return new double[] {
      Math.log(1 - persistence), logit(persistence), logit(alphaShare),
    };
  }

  private static double[] parameters(double[] x, double sampleVariance) {
    double persistence = logistic(x[1]);
    double alpha = persistence * logistic(x[2]);
    return new double[] {sampleVariance * Math.exp(x[0]), alpha, persistence - alpha};
  }

  /** σ²_T, the variance of the last residual given the ones before it. */
  private static double lastVariance(double[] p, double[] residuals, double sampleVariance) {
    double variance = sampleVariance;
    for (int i = 0; i < residuals.length - 1; i++) {
      double e = residuals[i];
      variance = p[0] + p[1] * e * e + p[2] * variance;
    }
    return variance;
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static Result keep(GarchFit previous, String why) {
    return previous == null ? new Result(null, why) : new Result(previous.keptBecause(why), why);
  }

  /** The fit (new, or the previous one kept), or null with the reason. */
  public record Result(GarchFit fit, String reason) {}
}
