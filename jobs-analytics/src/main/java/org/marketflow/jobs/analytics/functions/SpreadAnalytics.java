package org.marketflow.jobs.analytics.functions;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.lang3.ArrayUtils;
import org.marketflow.jobs.analytics.estimators.AnomalyType;
import org.marketflow.jobs.analytics.state.InstrumentHistory;
import org.marketflow.jobs.analytics.state.SpreadHistory;
import org.marketflow.schemas.avro.MarketAnomaly;

/**
 * One instrument's spread blowouts (docs/jobs/analytics.md, "Anomalies"): the seconds of each
 * minute (the microstructure job's {@code spreadBps}, the quoted spread averaged over the second)
 * are averaged into the minute's mean quoted spread, which is scored against the previous {@code
 * anomalyTrailing} minutes' means, on the high side ({@link Anomalies}). Plain Java on a {@link
 * SpreadHistory}: the keyed operator ({@link SpreadProcessor}) takes a minute when the watermark
 * passes its end.
 */
public final class SpreadAnalytics implements Serializable {

  public static final long MINUTE_MS = 60_000L;
  private static final String MINUTES = "minutes";

  private final int anomalyTrailing;

  public SpreadAnalytics(int anomalyTrailing) {
    if (anomalyTrailing < Anomalies.MIN_TRAILING) {
      throw new IllegalArgumentException(
          "the anomaly trailing values must be at least "
              + Anomalies.MIN_TRAILING
              + ": "
              + anomalyTrailing);
    }
    this.anomalyTrailing = anomalyTrailing;
  }

  /** The start of the minute holding {@code timeMs}. */
  public static long minuteOf(long timeMs) {
    return Math.floorDiv(timeMs, MINUTE_MS) * MINUTE_MS;
  }

  /**
   * Adds a second's quoted spread to its minute; false (nothing added) when that minute was taken
   * already.
   *
   * @return whether the minute is new to the history (its end needs a timer)
   */
  public static boolean addSecond(SpreadHistory h, long secondStartMs, double spreadBps) {
    long minute = minuteOf(secondStartMs);
    for (int i = 0; i < h.openStartMs.length; i++) {
      if (h.openStartMs[i] == minute) {
        h.openSums[i] += spreadBps;
        h.openCounts[i]++;
        return false;
      }
    }
    int n = h.openStartMs.length;
    h.openStartMs = Arrays.copyOf(h.openStartMs, n + 1);
    h.openSums = Arrays.copyOf(h.openSums, n + 1);
    h.openCounts = Arrays.copyOf(h.openCounts, n + 1);
    h.openStartMs[n] = minute;
    h.openSums[n] = spreadBps;
    h.openCounts[n] = 1;
    return true;
  }

  /**
   * Takes the minute starting at {@code minuteStartMs}: its mean quoted spread, scored against the
   * trailing minutes and appended to them; the spread blowout it shows, or null (also when the
   * minute has no second).
   */
  public MarketAnomaly takeMinute(SpreadHistory h, String instrument, long minuteStartMs) {
    int at = -1;
    for (int i = 0; i < h.openStartMs.length; i++) {
      if (h.openStartMs[i] == minuteStartMs) {
        at = i;
      }
    }
    h.lastClosedMs = Math.max(h.lastClosedMs, minuteStartMs);
    if (at < 0) {
      return null;
    }
    double mean = h.openSums[at] / h.openCounts[at];
    h.openStartMs = ArrayUtils.remove(h.openStartMs, at);
    h.openSums = ArrayUtils.remove(h.openSums, at);
    h.openCounts = ArrayUtils.remove(h.openCounts, at);
    MarketAnomaly blowout =
        Anomalies.score(
            instrument,
            minuteStartMs + MINUTE_MS,
            AnomalyType.SPREAD_BLOWOUT,
            mean,
            h.trailing,
            MINUTES);
    h.trailing = InstrumentHistory.append(h.trailing, mean, anomalyTrailing);
    return blowout;
  }
}
