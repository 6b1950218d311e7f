package org.marketflow.schemas.kafka;

import java.util.List;

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

  public static final List<String> NORMALIZED = List.of(TRADES, QUOTES, BOOK, STATUS);
  public static final List<String> DERIVED = List.of(BARS);
  public static final List<String> ALL = List.of(TRADES, QUOTES, BOOK, STATUS, DEAD_LETTERS, BARS);

  private Topics() {}
}
