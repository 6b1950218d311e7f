package org.marketflow.jobs.analytics.estimators;

/**
 * How bad a robust z-score is. An anomaly is |z| ≥ {@link #ANOMALY_Z} (3.5, Iglewicz and Hoaglin's
 * outlier threshold); severity = min(1, |z| / {@link #PAUSE_Z}); the action is ALERT below {@link
 * #INVESTIGATE_Z} (6), INVESTIGATE below {@link #PAUSE_Z} (10), PAUSE from 10 (severity 1).
 */
public record AnomalyGrade(double zScore, double severity, Action action) {

  public static final double ANOMALY_Z = 3.5;
  public static final double INVESTIGATE_Z = 6;
  public static final double PAUSE_Z = 10;

  public enum Action {
    ALERT,
    INVESTIGATE,
    PAUSE
  }

  /** The grade of {@code z}, or null when it is no anomaly (or not finite). */
  public static AnomalyGrade of(double z) {
    double size = Math.abs(z);
    if (!Double.isFinite(z) || size < ANOMALY_Z) {
      return null;
    }
    Action action =
        size >= PAUSE_Z ? Action.PAUSE : size >= INVESTIGATE_Z ? Action.INVESTIGATE : Action.ALERT;
    return new AnomalyGrade(z, Math.min(1, size / PAUSE_Z), action);
  }
}
