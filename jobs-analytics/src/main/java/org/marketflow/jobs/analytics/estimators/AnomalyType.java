package org.marketflow.jobs.analytics.estimators;

/**
 * What an anomaly scores (its description's words for the value) and which side of the trailing
 * median counts: a price spike either way, a surge or a burst or a blowout upwards only, a
 * liquidity hole downwards only.
 */
public enum AnomalyType {
  /** A bar's log return ln(Cₜ / Cₜ₋₁). */
  PRICE_SPIKE("log return", Tail.BOTH),
  /** A bar's volume. */
  VOLUME_SURGE("volume", Tail.HIGH),
  /** A bar's log range ln(H / L). */
  VOLATILITY_BURST("log high/low range", Tail.HIGH),
  /** A minute's mean quoted spread, bps. */
  SPREAD_BLOWOUT("mean quoted spread (bps)", Tail.HIGH),
  /** A minute's total liquidity within the band, USD. */
  LIQUIDITY_HOLE("total liquidity (USD)", Tail.LOW);

  /** The side of the trailing median a score must be on to count. */
  public enum Tail {
    BOTH,
    HIGH,
    LOW
  }

  private final String what;
  private final Tail tail;

  AnomalyType(String what, Tail tail) {
    this.what = what;
    this.tail = tail;
  }

  /** The value's name in the description. */
  public String what() {
    return what;
  }

  public Tail tail() {
    return tail;
  }

  /** Whether a robust z-score of {@code z} is on the side this type counts. */
  public boolean counts(double z) {
    return switch (tail) {
      case BOTH -> true;
      case HIGH -> z >= 0;
      case LOW -> z <= 0;
    };
  }
}
