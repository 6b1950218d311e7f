package org.marketflow.ingest.simulator;

import java.util.SplittableRandom;

/**
 * The two-state Markov chain of {@link SimulatorSettings.Regimes}, one transition per price step.
 * Starts quiet. A spell's length in steps is geometric, with the configured mean.
 */
final class RegimeChain {

  private final double toStressed;
  private final double toQuiet;
  private Regime current = Regime.QUIET;

  /**
   * @param toStressed probability per step of leaving the quiet regime
   * @param toQuiet probability per step of leaving the stressed regime
   */
  RegimeChain(double toStressed, double toQuiet) {
    this.toStressed = Math.min(1, toStressed);
    this.toQuiet = Math.min(1, toQuiet);
  }

  static RegimeChain of(SimulatorSettings.Regimes regimes, long stepUs) {
    return new RegimeChain(
        stepUs / (double) micros(regimes.meanQuiet()),
        stepUs / (double) micros(regimes.meanStressed()));
  }

  Regime current() {
    return current;
  }

  void step(SplittableRandom random) {
    double leave = current == Regime.QUIET ? toStressed : toQuiet;
    if (random.nextDouble() < leave) {
      current = current == Regime.QUIET ? Regime.STRESSED : Regime.QUIET;
    }
  }

  private static long micros(java.time.Duration duration) {
    return duration.toNanos() / 1_000L;
  }
}
