package org.marketflow.ingest.simulator;

import java.math.BigDecimal;

/**
 * A decimal increment, such as a price tick of {@code 0.01} or a size lot of {@code 0.0001}, and
 * the values that are whole multiples of it. The simulator counts in whole units (ticks, lots) and
 * turns them into the double nearest the decimal they stand for, the double a venue's decimal
 * string parses to: {@code 7 × 0.1} is {@code 0.7}, not {@code 0.7000000000000001}. The same count
 * always gives the same double, so a consumer keyed by price finds every level again.
 */
final class DecimalStep {

  private final double step;
  private final long unscaled;
  private final int scale;
  private final double powerOfTen;

  DecimalStep(double step) {
    BigDecimal decimal = decimal("step", step);
    this.step = step;
    this.unscaled = decimal.unscaledValue().longValueExact();
    this.scale = decimal.scale();
    this.powerOfTen = Math.pow(10, Math.abs(scale));
  }

  /**
   * Checks that {@code step} can be one: positive, finite, at most 15 significant digits.
   *
   * @param what its name in the message, e.g. {@code tick}
   */
  static void check(String what, double step) {
    decimal(what, step);
  }

  private static BigDecimal decimal(String what, double step) {
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException(what + " must be positive and finite, not " + step);
    }
    BigDecimal decimal = BigDecimal.valueOf(step).stripTrailingZeros();
    if (decimal.precision() > 15 || Math.abs(decimal.scale()) > 15) {
      throw new IllegalArgumentException(
          what + " must be a decimal of at most 15 digits and scale, not " + step);
    }
    return decimal;
  }

  /** The value of {@code units} steps: the double nearest {@code units × step}. */
  double valueOf(long units) {
    double exact = (double) (units * unscaled);
    return scale > 0 ? exact / powerOfTen : exact * powerOfTen;
  }

  /** The nearest whole number of steps to {@code value}. */
  long unitsOf(double value) {
    return Math.round(value / step);
  }

  double step() {
    return step;
  }
}
