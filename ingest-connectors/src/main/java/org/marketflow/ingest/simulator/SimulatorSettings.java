package org.marketflow.ingest.simulator;

import java.time.Duration;

/**
 * The market-wide parameters of the simulated market; {@link #defaults()} are the ones documented
 * in {@code docs/simulator.md}. Each instrument's own are in {@link SimulatedInstrument}.
 *
 * @param step the price clock: fair values, the variance and the regime change once per step
 * @param garch the variance recursion that makes volatility cluster
 * @param regimes the quiet and stressed regimes
 * @param spikes sudden jumps of one instrument's price
 * @param holes liquidity holes: levels near the touch that vanish for a while
 * @param marketOrderShare of the events that are neither a requote nor a hole, the share that are
 *     market orders (the rest add or cancel resting orders)
 */
public record SimulatorSettings(
    Duration step,
    Garch garch,
    Regimes regimes,
    Spikes spikes,
    Holes holes,
    double marketOrderShare) {

  /**
   * GARCH(1,1) on the common factor: {@code v' = (1 − alpha − beta) + alpha × v × z² + beta × v},
   * where {@code v} is the variance of the next step relative to its long-run mean of 1 and {@code
   * z} the factor's standard normal shock. {@code alpha + beta} is the persistence: a shock to the
   * variance decays by that factor per step.
   */
  public record Garch(double alpha, double beta) {
    public Garch {
      if (!(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
        throw new IllegalArgumentException(
            "GARCH needs alpha >= 0, beta >= 0 and alpha + beta < 1, not " + alpha + ", " + beta);
      }
    }
  }

  /**
   * A two-state Markov chain, switched once per step: quiet to stressed with probability {@code
   * step / meanQuiet}, back with {@code step / meanStressed}. The stressed regime multiplies every
   * instrument's volatility by {@code volatility}, its spread by {@code spread} (rounded to whole
   * ticks) and its book's sizes by {@code depth}.
   */
  public record Regimes(
      Duration meanQuiet, Duration meanStressed, double volatility, double spread, double depth) {
    public Regimes {
      requirePositive("meanQuiet", meanQuiet);
      requirePositive("meanStressed", meanStressed);
      if (!(volatility > 0) || !(spread >= 1) || !(depth > 0)) {
        throw new IllegalArgumentException(
            "stressed multipliers must be volatility > 0, spread >= 1 and depth > 0, not "
                + volatility
                + ", "
                + spread
                + ", "
                + depth);
      }
    }
  }

  /**
   * Each instrument's price jumps {@code perHour} times an hour on average (a Poisson process on
   * the steps), up or down with equal chance, by a uniform {@code minSigmas..maxSigmas} times its
   * hourly standard deviation ({@code annualVolatility × √(1 h / 1 year)}). The jump is permanent.
   */
  public record Spikes(double perHour, double minSigmas, double maxSigmas) {
    public Spikes {
      if (!(perHour >= 0) || !(minSigmas >= 0) || !(maxSigmas >= minSigmas)) {
        throw new IllegalArgumentException(
            "spikes need perHour >= 0 and 0 <= minSigmas <= maxSigmas, not "
                + perHour
                + ", "
                + minSigmas
                + ", "
                + maxSigmas);
      }
    }

    public static Spikes none() {
      return new Spikes(0, 0, 0);
    }
  }

  /**
   * Each book opens a hole {@code perHour} times an hour on average (exponential gaps, in event
   * time): on one side, the 1 to {@code maxLevels} levels nearest the touch are cancelled, stay
   * empty for an exponential time of mean {@code meanLength}, then refill.
   */
  public record Holes(double perHour, Duration meanLength, int maxLevels) {
    public Holes {
      if (!(perHour >= 0) || maxLevels < 1) {
        throw new IllegalArgumentException(
            "holes need perHour >= 0 and maxLevels >= 1, not " + perHour + ", " + maxLevels);
      }
      requirePositive("meanLength", meanLength);
    }

    public static Holes none() {
      return new Holes(0, Duration.ofSeconds(1), 1);
    }
  }

  public SimulatorSettings {
    requirePositive("step", step);
    if (!(marketOrderShare >= 0 && marketOrderShare <= 1)) {
      throw new IllegalArgumentException(
          "marketOrderShare must be within 0..1, not " + marketOrderShare);
    }
  }

  /**
   * A one-second price clock; GARCH alpha 0.08 and beta 0.90 (persistence 0.98: a variance shock
   * halves in about 35 s); quiet spells of 10 min and stressed ones of 2 min on average, stressed
   * meaning 2.5× the volatility, 3× the spread and 0.35× the depth; a spike every 2 h per
   * instrument of 0.3–1 hourly standard deviations; a hole every 10 min per book of up to 4 levels
   * for 3 s; 15% of order-flow events are market orders.
   */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        Duration.ofSeconds(1),
        new Garch(0.08, 0.90),
        new Regimes(Duration.ofMinutes(10), Duration.ofMinutes(2), 2.5, 3, 0.35),
        new Spikes(0.5, 0.3, 1.0),
        new Holes(6, Duration.ofSeconds(3), 4),
        0.15);
  }

  public SimulatorSettings withSpikes(Spikes newSpikes) {
    return new SimulatorSettings(step, garch, regimes, newSpikes, holes, marketOrderShare);
  }

  public SimulatorSettings withHoles(Holes newHoles) {
    return new SimulatorSettings(step, garch, regimes, spikes, newHoles, marketOrderShare);
  }

  public SimulatorSettings withRegimes(Regimes newRegimes) {
    return new SimulatorSettings(step, garch, newRegimes, spikes, holes, marketOrderShare);
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + duration);
    }
  }
}
