package org.marketflow.jobs.analytics.estimators;

import java.util.Arrays;

/**
 * The tests' own median, robust z-score and grades, by plain loops over sorted copies: the
 * independent computation the job's anomalies and regimes are checked against.
 */
public final class TrailingStatistics {

  private TrailingStatistics() {}

  /**
   * The middle value of the sorted values, or halfway between the middle two (computed as lower + ½
   * (upper − lower), the interpolation commons-math3's median uses, so that the two agree to the
   * last bit).
   */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n % 2 == 1) {
      return sorted[n / 2];
    }
    double lower = sorted[n / 2 - 1];
    return lower + 0.5 * (sorted[n / 2] - lower);
  }

  /** (x − median) / (1.4826 · MAD); the fallback scale is not needed by noisy fixtures. */
  public static double robustZ(double value, double[] trailing) {
    double median = median(trailing);
    double[] deviations = new double[trailing.length];
    for (int i = 0; i < trailing.length; i++) {
      deviations[i] = Math.abs(trailing[i] - median);
    }
    return (value - median) / (1.4826 * median(deviations));
  }

  /** The last {@code count} values before index {@code end} (fewer at the start). */
  public static double[] before(double[] values, int end, int count) {
    return Arrays.copyOfRange(values, Math.max(0, end - count), end);
  }

  /** ALERT, INVESTIGATE or PAUSE for |z| ≥ 3.5, 6, 10. */
  public static String action(double z) {
    double size = Math.abs(z);
    return size >= 10 ? "PAUSE" : size >= 6 ? "INVESTIGATE" : "ALERT";
  }
}
