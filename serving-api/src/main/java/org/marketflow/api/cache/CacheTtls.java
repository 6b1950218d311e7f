package org.marketflow.api.cache;

import java.time.Duration;
import org.marketflow.schemas.bars.BarInterval;

/**
 * How long each endpoint's answers stay cached: the institutional design's values (trades 30 s,
 * OHLC 1m 30 s, 1h 5 min, 1d 1 h, order book 2 s, statistics 1 min) and, for the OHLC intervals the
 * design does not name, a value between its neighbours' so that the TTL grows with the interval and
 * stays well under it: a bar is revised only while it is open or late trades reach it, so a coarser
 * interval changes less often.
 */
public final class CacheTtls {

  public static final Duration TRADES = Duration.ofSeconds(30);

  /** The live {@code market:book:*} key is written with this TTL; the endpoint reads it as is. */
  public static final Duration ORDER_BOOK = Duration.ofSeconds(2);

  public static final Duration STATISTICS = Duration.ofMinutes(1);

  private CacheTtls() {}

  /**
   * The TTL of OHLC answers of {@code interval}: 1s 1 s, 1m 30 s, 5m 1 min, 15m 2 min, 1h 5 min, 4h
   * 15 min, 1d 1 h. Each is at most half the interval, so a cached answer is never older than half
   * a bar.
   */
  public static Duration ohlc(BarInterval interval) {
    return switch (interval) {
      case S1 -> Duration.ofSeconds(1);
      case M1 -> Duration.ofSeconds(30);
      case M5 -> Duration.ofMinutes(1);
      case M15 -> Duration.ofMinutes(2);
      case H1 -> Duration.ofMinutes(5);
      case H4 -> Duration.ofMinutes(15);
      case D1 -> Duration.ofHours(1);
    };
  }
}
