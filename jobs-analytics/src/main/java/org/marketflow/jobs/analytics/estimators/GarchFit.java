package org.marketflow.jobs.analytics.estimators;

/**
 * A GARCH(1,1) fit: σ²ₜ = ω + α εₜ₋₁² + β σ²ₜ₋₁ on demeaned returns εₜ = rₜ − μ, with ω > 0, α ≥ 0,
 * β ≥ 0, α + β < 1.
 *
 * @param mean μ, the sample mean of the fitted returns
 * @param logLikelihood the Gaussian log-likelihood at the fit, −½ Σ [ln 2π + ln σ²ₜ + εₜ²/σ²ₜ]
 * @param lastVariance σ²_T of the last fitted return
 * @param lastResidual ε_T, the last fitted return minus μ
 * @param converged false when this fit is an earlier one kept because the optimizer did not
 *     converge on the newest window
 * @param note why the fit was kept, or null
 */
public record GarchFit(
    double omega,
    double alpha,
    double beta,
    double mean,
    double logLikelihood,
    double lastVariance,
    double lastResidual,
    int observations,
    boolean converged,
    String note) {

  /** α + β, how slowly a shock to the variance fades. */
  public double persistence() {
    return alpha + beta;
  }

  /** The long-run variance ω / (1 − α − β). */
  public double longRunVariance() {
    return omega / (1 - persistence());
  }

  /** σ²_{T+1} = ω + α ε_T² + β σ²_T, the next period's variance. */
  public double nextVariance() {
    return omega + alpha * lastResidual * lastResidual + beta * lastVariance;
  }

  /**
   * σ²_{T+h} = V + (α + β)^{h−1} (σ²_{T+1} − V), V the long-run variance: the GARCH recursion with
   * each future ε² replaced by its expectation σ².
   */
  public double varianceAhead(int h) {
    if (h < 1) {
      throw new IllegalArgumentException("h must be at least 1: " + h);
    }
    double longRun = longRunVariance();
    return longRun + Math.pow(persistence(), h - 1) * (nextVariance() - longRun);
  }

  /** The volatility over the next h periods together: √(Σ_{k=1..h} σ²_{T+k}). */
  public double volatilityOver(int h) {
    double sum = 0;
    for (int k = 1; k <= h; k++) {
      sum += varianceAhead(k);
    }
    return Math.sqrt(sum);
  }

  /** This fit, kept in place of a failed newer one, marked as such. */
  GarchFit keptBecause(String why) {
    return new GarchFit(
        omega,
        alpha,
        beta,
        mean,
        logLikelihood,
        lastVariance,
        lastResidual,
        observations,
        false,
        why);
  }
}
