package org.marketflow.jobs.ohlc.records;

/**
 * The periods of the market statistics, each ending at a minute boundary T (exclusive) and holding
 * the 1-minute bars that start in [{@link #startMs}(T), T).
 *
 * <ul>
 *   <li>{@code 1h} and {@code 24h} roll by the minute: [T − 1 h, T) and [T − 24 h, T).
 *   <li>{@code 7d} and {@code 30d} roll by the hour: the hour of the period's last minute so far (1
 *       to 60 minutes) and the 167 or 719 whole hours before it, so they span 167 h 1 min to 168 h
 *       and 719 h 1 min to 720 h. The operator keeps one summary per hour for them rather than one
 *       per minute.
 * </ul>
 */
public enum StatisticsPeriod {
  H1("1h"),
  H24("24h"),
  D7("7d"),
  D30("30d");

  public static final long MINUTE_MS = 60_000L;
  public static final long HOUR_MS = 60 * MINUTE_MS;

  private final String code;

  StatisticsPeriod(String code) {
    this.code = code;
  }

  /** {@code 1h}, {@code 24h}, {@code 7d} or {@code 30d}, as records, tables and keys name it. */
  public String code() {
    return code;
  }

  /** The inclusive start of the period that ends at the minute boundary {@code endMs}. */
  public long startMs(long endMs) {
    return switch (this) {
      case H1 -> endMs - HOUR_MS;
      case H24 -> endMs - 24 * HOUR_MS;
      case D7 -> lastHourStartMs(endMs) - 167 * HOUR_MS;
      case D30 -> lastHourStartMs(endMs) - 719 * HOUR_MS;
    };
  }

  /** The start of the hour that holds the last minute before {@code endMs}. */
  public static long lastHourStartMs(long endMs) {
    return Math.floorDiv(endMs - MINUTE_MS, HOUR_MS) * HOUR_MS;
  }
}
