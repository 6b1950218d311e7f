package org.marketflow.jobs.analytics.estimators;

/**
 * One pair's correlation over a window: ρ, its two-sided p-value against ρ = 0, and the number of
 * time steps both series had; ρ and p null with the reason when undefined.
 */
public record PairCorrelation(Double rho, Double pValue, int observations, String reason) {

  static PairCorrelation undefined(int observations, String reason) {
    return new PairCorrelation(null, null, observations, reason);
  }

  static PairCorrelation of(double rho, double pValue, int observations) {
    if (!Double.isFinite(rho)) {
      return undefined(observations, Estimate.CONSTANT);
    }
    return new PairCorrelation(rho, pValue, observations, null);
  }

  public boolean isDefined() {
    return rho != null;
  }
}
