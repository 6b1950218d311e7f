package org.marketflow.ingest.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fair value of every instrument, moved once per step of the price clock by a one-factor model.
 * Instrument {@code i}'s log price (for a prediction market: its log-odds) changes by
 *
 * <pre>
 *   r_i = σ_i × √(h / 1 year) × m × √v × (β_i × z + √(1 − β_i²) × ε_i) + J_i
 * </pre>
 *
 * where {@code σ_i} is its annual volatility, {@code h} the step, {@code m} the regime's volatility
 * multiplier (1 when quiet), {@code v} the market's {@link GarchVariance}, {@code z} the common
 * factor's and {@code ε_i} its own standard normal shock, and {@code J_i} an occasional spike.
 * Variance and regime are market-wide, so two instruments' returns correlate by {@code β_i × β_j}
 * (spikes aside) in every regime.
 */
final class PriceProcess {

  private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

  private final boolean[] logOdds;
  private final double[] state;
  private final double[] beta;
  private final double[] stepSigma;
  private final double[] hourSigma;
  private final SimulatorSettings.Spikes spikes;
  private final double spikePerStep;
  private final double stressedVolatility;
  private final GarchVariance variance;
  private final RegimeChain regimes;
  private final SplittableRandom random;
  private final long stepUs;
  private long nextStepUs;

  /**
   * @param startUs when the first fair values (the start prices) hold; the first step follows one
   *     step later
   */
  PriceProcess(
      SimulatorSettings settings,
      List<SimulatedInstrument> instruments,
      SplittableRandom random,
      long startUs) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("at least one instrument");
    }
    int n = instruments.size();
    this.logOdds = new boolean[n];
    this.state = new double[n];
    this.beta = new double[n];
    this.stepSigma = new double[n];
    this.hourSigma = new double[n];
    this.stepUs = settings.step().toNanos() / 1_000L;
    if (stepUs < 1) {
      throw new IllegalArgumentException("the step must be at least 1 µs");
    }
    double stepSeconds = stepUs / 1e6;
    for (int i = 0; i < n; i++) {
      SimulatedInstrument instrument = instruments.get(i);
      double p = instrument.startPrice();
      logOdds[i] = instrument.isPredictionMarket();
      state[i] = logOdds[i] ? Math.log(p / (1 - p)) : Math.log(p);
      beta[i] = instrument.marketBeta();
      stepSigma[i] = instrument.annualVolatility() * Math.sqrt(stepSeconds / SECONDS_PER_YEAR);
      hourSigma[i] = instrument.annualVolatility() * Math.sqrt(3600 / SECONDS_PER_YEAR);
    }
    this.spikes = settings.spikes();
    this.spikePerStep = 1 - Math.exp(-spikes.perHour() * stepSeconds / 3600);
    this.stressedVolatility = settings.regimes().volatility();
    this.variance = new GarchVariance(settings.garch());
    this.regimes = RegimeChain.of(settings.regimes(), stepUs);
    this.random = random;
    this.nextStepUs = startUs + stepUs;
  }

  /** Takes every step due at or before {@code timeUs}. */
  void advanceTo(long timeUs) {
    while (nextStepUs <= timeUs) {
      step();
      nextStepUs += stepUs;
    }
  }

  /** Instrument {@code i}'s fair price (for a prediction market: the YES probability). */
  double fairValue(int i) {
    return logOdds[i] ? 1 / (1 + Math.exp(-state[i])) : Math.exp(state[i]);
  }

  Regime regime() {
    return regimes.current();
  }

  private void step() {
    double m = regimes.current() == Regime.STRESSED ? stressedVolatility : 1;
    double scale = m * Math.sqrt(variance.current());
    double z = random.nextGaussian();
    for (int i = 0; i < state.length; i++) {
      double own = random.nextGaussian();
      state[i] += stepSigma[i] * scale * (beta[i] * z + Math.sqrt(1 - beta[i] * beta[i]) * own);
      if (spikePerStep > 0 && random.nextDouble() < spikePerStep) {
        double sigmas =
            spikes.minSigmas() + (spikes.maxSigmas() - spikes.minSigmas()) * random.nextDouble();
        state[i] += (random.nextBoolean() ? 1 : -1) * sigmas * hourSigma[i];
      }
    }
    variance.update(z);
    regimes.step(random);
  }
}
