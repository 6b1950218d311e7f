package org.marketflow.jobs.microstructure.metrics;

/** From the formulas' {@code NaN} to the records' {@code null}. */
public final class Values {

  private Values() {}

  /** {@code null} for {@code NaN}, else the value. */
  public static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
