package org.marketflow.jobs.analytics.estimators;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The robust z-score of a value against trailing values: z = (x − median) / (1.4826 · MAD), MAD the
 * median absolute deviation from the median (1.4826 makes it estimate σ for normal data). When the
 * MAD is 0 (more than half the trailing values equal), the scale is 1.2533 · the mean absolute
 * deviation from the median (Iglewicz and Hoaglin's modified z-score); when that is 0 too (all
 * trailing values equal) there is no score. Non-finite trailing values are left out.
 */
public final class RobustZScore {

  public static final double MAD_TO_SIGMA = 1.4826;
  public static final double MEAN_AD_TO_SIGMA = 1.253314;

  private RobustZScore() {}

  public static Estimate of(double value, double[] trailing, int minTrailing) {
    if (!Double.isFinite(value)) {
      return Estimate.undefined(Estimate.INVALID_INPUT);
    }
    double[] finite = java.util.Arrays.stream(trailing).filter(Double::isFinite).toArray();
    if (finite.length < Math.max(1, minTrailing)) {
      return Estimate.undefined(Estimate.TOO_FEW_POINTS);
    }
    Median median = new Median();
    double center = median.evaluate(finite);
    double[] deviations = new double[finite.length];
    double deviationSum = 0;
    for (int i = 0; i < finite.length; i++) {
      deviations[i] = Math.abs(finite[i] - center);
      deviationSum += deviations[i];
    }
    double scale = MAD_TO_SIGMA * median.evaluate(deviations);
    if (!(scale > 0)) {
      scale = MEAN_AD_TO_SIGMA * deviationSum / finite.length;
    }
    if (!(scale > 0)) {
      return Estimate.undefined(Estimate.CONSTANT);
    }
    return Estimate.of((value - center) / scale);
  }
}
