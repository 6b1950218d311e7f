package org.marketflow.ingest.simulator;

import java.util.SplittableRandom;

/** The random draws the simulator makes, each from the one generator it is given. */
final class Draws {

  private Draws() {}

  /** An exponential variate of mean {@code mean}. */
  static double exponential(SplittableRandom random, double mean) {
    return -Math.log(1 - random.nextDouble()) * mean;
  }

  /** Checks the rate of a Poisson process: positive and finite. */
  static void requireRate(String name, double perSecond) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(name + " must be positive, not " + perSecond);
    }
  }

  /** Microseconds to the next event of a Poisson process of {@code perSecond} events a second. */
  static long gapUs(SplittableRandom random, double perSecond) {
    return (long) exponential(random, 1e6 / perSecond);
  }

  /** A lognormal factor of mean 1 whose logarithm has standard deviation {@code sigma}. */
  static double lognormal(SplittableRandom random, double sigma) {
    return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  /**
   * 0, 1, 2, ... with probability {@code (1 − q) × q^k}: mostly near 0, mean {@code q / (1 − q)}.
   */
  static int geometric(SplittableRandom random, double q) {
    return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(q));
  }

  /** When a consumer near the venue receives what happened at {@code eventUs}: 0.5–2 ms later. */
  static long receiveTime(SplittableRandom random, long eventUs) {
    return eventUs + 500 + random.nextInt(1_500);
  }

  static <E extends Enum<E>> E either(SplittableRandom random, E first, E second) {
    return random.nextBoolean() ? first : second;
  }
}
