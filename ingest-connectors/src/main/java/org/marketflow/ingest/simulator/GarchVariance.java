package org.marketflow.ingest.simulator;

/**
 * The market's variance, relative to its long-run mean of 1, following the GARCH(1,1) recursion of
 * {@link SimulatorSettings.Garch}: a large shock raises the next steps' variance, which then decays
 * back, so volatility comes in clusters while returns stay uncorrelated.
 */
final class GarchVariance {

  private final double alpha;
  private final double beta;
  private double variance = 1;

  GarchVariance(SimulatorSettings.Garch garch) {
    this.alpha = garch.alpha();
    this.beta = garch.beta();
  }

  /** The variance of the current step, relative to the long-run mean. */
  double current() {
    return variance;
  }

  /** Moves to the next step after the current one's standard normal shock {@code z}. */
  void update(double z) {
    variance = (1 - alpha - beta) + alpha * variance * z * z + beta * variance;
  }
}
