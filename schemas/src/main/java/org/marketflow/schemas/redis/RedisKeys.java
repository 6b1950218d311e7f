package org.marketflow.schemas.redis;

import java.time.Duration;

/**
 * Every Redis key and channel of the suite, in one place: the live values jobs-microstructure and
 * jobs-ohlc write and the API reads. Each value is the record as {@link RecordJson} writes it;
 * docs/jobs/microstructure.md lists the fields.
 */
public final class RedisKeys {

  /** {@code market:tick:{instrument}}: the latest {@code MarketTick}. */
  public static final String TICK = "market:tick:";

  /** {@code market:book:{instrument}}: the latest {@code OrderBookSnapshot}. */
  public static final String BOOK = "market:book:";

  /** {@code market:micro:{instrument}}: the latest {@code MarketMicrostructure}. */
  public static final String MICROSTRUCTURE = "market:micro:";

  /** {@code market:liquidity:{instrument}}: the latest {@code LiquidityMetrics}. */
  public static final String LIQUIDITY = "market:liquidity:";

  /**
   * {@code market:stats:{instrument}:{period}}: the latest {@code MarketStatistics} of the period
   * ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}), written by jobs-ohlc; see {@link
   * #statistics}.
   */
  public static final String STATISTICS = "market:stats:";

  /** {@code market:ticks:{instrument}}: the channel every {@code MarketTick} is published on. */
  public static final String TICKS_CHANNEL = "market:ticks:";

  /** A tick older than this is no longer live: its key expires. */
  public static final Duration TICK_TTL = Duration.ofSeconds(60);

  /** A book snapshot older than this is no longer live: its key expires. */
  public static final Duration BOOK_TTL = Duration.ofSeconds(2);

  /** Statistics are rewritten every minute; a key not rewritten for this long has gone stale. */
  public static final Duration STATISTICS_TTL = Duration.ofSeconds(60);

  /** {@code market:stats:{instrument}:{period}}. */
  /**
   * {@code market:corr:{window}} (Pearson, as the seed) and {@code market:corr:{window}:{method}}.
   */
  public static final String CORRELATION = "market:corr:";

  /** {@code market:vol:{instrument}:{window}}: an instrument's latest volatility of a window. */
  public static final String VOLATILITY = "market:vol:";

  /** {@code market:regime:{instrument}}: an instrument's latest regime indicators. */
  public static final String REGIME = "market:regime:";

  /** The analytics keys live 5 minutes after their last write, as the seed's correlation key. */
  public static final Duration ANALYTICS_TTL = Duration.ofSeconds(300);

  public static String correlation(String window) {
    return CORRELATION + window;
  }

  public static String correlation(String window, String method) {
    return CORRELATION + window + ":" + method;
  }

  public static String volatility(String instrument, String window) {
    return VOLATILITY + instrument + ":" + window;
  }

  public static String regime(String instrument) {
    return REGIME + instrument;
  }

  public static String statistics(String instrument, String period) {
    return STATISTICS + instrument + ":" + period;
  }

  private RedisKeys() {}
}
