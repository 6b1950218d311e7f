package org.marketflow.jobs.analytics.functions;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.marketflow.jobs.analytics.estimators.AnomalyGrade;
import org.marketflow.jobs.analytics.estimators.AnomalyType;
import org.marketflow.jobs.analytics.estimators.Estimate;
import org.marketflow.jobs.analytics.estimators.RobustZScore;
import org.marketflow.schemas.avro.MarketAnomaly;

/**
 * Every anomaly's record, whatever it scores (docs/jobs/analytics.md, "Anomalies"): the value's
 * robust z-score against the trailing values (at least {@link #MIN_TRAILING}), graded by {@link
 * AnomalyGrade} when it is on the side its {@link AnomalyType} counts.
 */
public final class Anomalies {

  /** The fewest trailing values a score needs. */
  public static final int MIN_TRAILING = 30;

  private Anomalies() {}

  /**
   * The anomaly {@code value} is against {@code trailing}, or null when it is none (no score, too
   * small a score, or on the side the type does not count).
   *
   * @param endMs the end of the bar or minute that showed it, epoch ms
   * @param unit what one trailing value is, for the description ("bars", "minutes")
   */
  public static MarketAnomaly score(
      String instrument,
      long endMs,
      AnomalyType type,
      double value,
      double[] trailing,
      String unit) {
    Estimate z = RobustZScore.of(value, trailing, MIN_TRAILING);
    if (!z.isDefined() || !type.counts(z.value())) {
      return null;
    }
    AnomalyGrade grade = AnomalyGrade.of(z.value());
    if (grade == null) {
      return null;
    }
    double median = new Median().evaluate(trailing);
    return MarketAnomaly.newBuilder()
        .setInstrument(instrument)
        .setTimestampUs(endMs * 1_000L)
        .setAnomalyType(type.name())
        .setSeverity(grade.severity())
        .setZScore(grade.zScore())
        .setValue(value)
        .setMedian(median)
        .setDescription(
            String.format(
                Locale.ROOT,
                "%s %s %.6g against a trailing median of %.6g over %d %s: robust z %.2f",
                instrument,
                type.what(),
                value,
                median,
                trailing.length,
                unit,
                grade.zScore()))
        .setRecommendedAction(grade.action().name())
        .build();
  }
}
