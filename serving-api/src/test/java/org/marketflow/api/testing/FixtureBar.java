package org.marketflow.api.testing;

import java.time.Instant;

/** A row of {@code ohlc_bars} for fixtures, with its values as the tests expect them back. */
public record FixtureBar(
    String instrument,
    String interval,
    Instant bucketStart,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double quoteVolume,
    long tradeCount,
    double vwap,
    Instant firstTradeTime,
    Instant lastTradeTime,
    int revision) {

  /** A plain bar whose prices derive from {@code seed}, traded over the bucket's first second. */
  public static FixtureBar simple(String instrument, String interval, Instant start, double seed) {
    return new FixtureBar(
        instrument,
        interval,
        start,
        seed,
        seed + 2,
        seed - 1,
        seed + 1,
        3.5,
        3.5 * seed,
        7,
        seed + 0.5,
        start.plusMillis(100),
        start.plusMillis(900),
        0);
  }
}
