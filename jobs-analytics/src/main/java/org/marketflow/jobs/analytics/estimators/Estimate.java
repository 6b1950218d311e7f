package org.marketflow.jobs.analytics.estimators;

/**
 * A value, or the reason there is none. Every estimator answers with one of these instead of NaN or
 * an exception, so that a record can carry a null field with its reason and the job never fails on
 * bad input.
 */
public record Estimate(Double value, String reason) {

  public static final String TOO_FEW_POINTS = "too few points";
  public static final String INVALID_INPUT = "invalid input (non-finite or non-positive price)";
  public static final String CONSTANT = "zero variance";

  /** The value, or {@link #INVALID_INPUT} when it is NaN or infinite. */
  public static Estimate of(double value) {
    return Double.isFinite(value) ? new Estimate(value, null) : undefined(INVALID_INPUT);
  }

  public static Estimate undefined(String reason) {
    return new Estimate(null, reason);
  }

  public boolean isDefined() {
    return value != null;
  }

  /** The value times {@code factor}, or this when undefined. */
  public Estimate times(double factor) {
    return isDefined() ? of(value * factor) : this;
  }
}
