package org.marketflow.jobs.analytics.records;

/**
 * One instrument's liquidity or correlation regime as another operator judged it, with the regime
 * record times it holds for: the regime record ending at T (a bar's end, epoch ms) takes, of each
 * kind, the reading with the latest {@code fromMs} such that {@code fromMs ≤ T < untilMs}. A Flink
 * POJO.
 */
public class RegimeReading {

  /** Which field of the regime record a reading fills. */
  public enum Kind {
    LIQUIDITY,
    CORRELATION
  }

  public String instrument;
  public Kind kind;
  public long fromMs;
  public long untilMs;

  /** The regime's name; null when it could not be judged (the field stays null). */
  public String regime;

  public RegimeReading() {}

  public RegimeReading(String instrument, Kind kind, long fromMs, long untilMs, String regime) {
    this.instrument = instrument;
    this.kind = kind;
    this.fromMs = fromMs;
    this.untilMs = untilMs;
    this.regime = regime;
  }

  /** Whether it holds for the regime record ending at {@code timeMs}. */
  public boolean holdsAt(long timeMs) {
    return fromMs <= timeMs && timeMs < untilMs;
  }

  @Override
  public String toString() {
    return instrument + " " + kind + " " + regime + " [" + fromMs + ", " + untilMs + ")";
  }
}
