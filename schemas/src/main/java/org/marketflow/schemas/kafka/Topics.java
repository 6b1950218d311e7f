package org.marketflow.schemas.kafka;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every Kafka topic of the suite, in one place. Normalized topics carry venue data after the feed
 * handlers; derived topics carry what the jobs compute. Values are Avro binary (no header) of the
 * record named beside each topic; keys are the UTF-8 instrument id, so one instrument stays in one
 * partition and in order.
 */
public final class Topics {

  /** {@code Trade} records. */
  public static final String TRADES = "md.normalized.trades";

  /** {@code Quote} records (top of book). */
  public static final String QUOTES = "md.normalized.quotes";

  /** {@code BookUpdate} records (snapshots and deltas). */
  public static final String BOOK = "md.normalized.book";

  /** {@code FeedStatus} records. */
  public static final String STATUS = "md.normalized.status";

  /** {@code DeadLetter} records from every stage: the reason and the raw bytes. */
  public static final String DEAD_LETTERS = "md.deadletters";

  /** {@code OhlcBar} records, every revision of every bar. */
  public static final String BARS = "md.derived.bars";

  /** {@code MarketTick} records: top of book and last trade after every book update or trade. */
  public static final String TICKS = "md.derived.ticks";

  /** {@code OrderBookSnapshot} records: the top levels of each book, per interval and resync. */
  public static final String BOOK_SNAPSHOTS = "md.derived.book-snapshots";

  /** {@code MarketMicrostructure} records, one per instrument and second. */
  public static final String MICROSTRUCTURE = "md.derived.microstructure";

  /** {@code LiquidityMetrics} records, one per instrument and minute. */
  public static final String LIQUIDITY = "md.derived.liquidity";

  /** {@code PredictionPairMetrics} records, one per prediction-market outcome and second. */
  public static final String PREDICTION_PAIRS = "md.derived.prediction-pairs";

  /** {@code BookStatus} records: a book the microstructure job holds went unsynced or synced. */
  public static final String BOOK_STATUS = "md.derived.book-status";

  /** {@code MarketStatistics} records: per instrument, period (1h to 30d) and minute. */
  public static final String STATISTICS = "md.derived.statistics";

  /** {@code VolatilityMetrics} records: per instrument, window and minute (jobs-analytics). */
  public static final String VOLATILITY = "md.derived.volatility";

  /**
   * {@code CorrelationMatrix} records: per window, method and sampling step, keyed window:method.
   */
  public static final String CORRELATIONS = "md.derived.correlations";

  /** {@code MarketRegimeIndicators} records: per instrument and minute. */
  public static final String REGIMES = "md.derived.regimes";

  /** {@code MarketAnomaly} records: per instrument, bar and anomaly type found. */
  public static final String ANOMALIES = "md.derived.anomalies";

  public static final List<String> NORMALIZED = List.of(TRADES, QUOTES, BOOK, STATUS);
  public static final List<String> DERIVED =
      List.of(
          BARS,
          TICKS,
          BOOK_SNAPSHOTS,
          MICROSTRUCTURE,
          LIQUIDITY,
          PREDICTION_PAIRS,
          BOOK_STATUS,
          STATISTICS,
          VOLATILITY,
          CORRELATIONS,
          REGIMES,
          ANOMALIES);
  public static final List<String> ALL =
      Stream.of(NORMALIZED, List.of(DEAD_LETTERS), DERIVED).flatMap(List::stream).toList();

  private Topics() {}
}
