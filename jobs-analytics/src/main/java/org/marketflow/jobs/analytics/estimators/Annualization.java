package org.marketflow.jobs.analytics.estimators;

import java.time.Duration;

/**
 * Annualizes a per-period volatility. Crypto trades around the clock, every day of the year, so a
 * year is 365 days of 24 hours (not 252 trading days): a volatility of 1-minute returns is
 * multiplied by √525,600, of hourly returns by √8,760, of daily returns by √365.
 */
public final class Annualization {

  public static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

  private Annualization() {}

  /** √(periods per year) for returns sampled every {@code period}. */
  public static double factor(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return Math.sqrt(SECONDS_PER_YEAR * 1000.0 / period.toMillis());
  }
}
