package org.marketflow.schemas.kafka;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecordBase;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.CorrelationMatrix;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.PredictionPairMetrics;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.avro.VolatilityMetrics;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * How one topic is laid out: its name, the Avro record of its values (plain binary, see {@link
 * org.marketflow.schemas.avro.AvroCodec}), the key (the UTF-8 instrument id, so one instrument
 * stays in one partition and in order) and the event time that becomes the Kafka timestamp.
 * Producers (the feed handlers, every job's sinks) and consumers (every job's sources) read the
 * layout from here instead of restating it.
 *
 * @param name the topic's name; {@link #withName} gives the same layout under another name
 * @param type the Avro record class of the values
 * @param key the record's key
 * @param eventTime the record's event time, epoch microseconds UTC
 * @param receiveTime the local receive time for records from a venue, {@code null} for derived
 *     records
 */
public record TopicSpec<T extends SpecificRecordBase>(
    String name,
    Class<T> type,
    RecordKey<T> key,
    RecordTime<T> eventTime,
    RecordTime<T> receiveTime)
    implements Serializable {

  public static final TopicSpec<Trade> TRADES =
      new TopicSpec<>(
          Topics.TRADES,
          Trade.class,
          Trade::getInstrument,
          Trade::getExchangeTimeUs,
          Trade::getReceiveTimeUs);

  public static final TopicSpec<Quote> QUOTES =
      new TopicSpec<>(
          Topics.QUOTES,
          Quote.class,
          Quote::getInstrument,
          Quote::getExchangeTimeUs,
          Quote::getReceiveTimeUs);

  public static final TopicSpec<BookUpdate> BOOK =
      new TopicSpec<>(
          Topics.BOOK,
          BookUpdate.class,
          BookUpdate::getInstrument,
          BookUpdate::getExchangeTimeUs,
          BookUpdate::getReceiveTimeUs);

  public static final TopicSpec<FeedStatus> STATUS =
      new TopicSpec<>(
          Topics.STATUS,
          FeedStatus.class,
          FeedStatus::getInstrument,
          FeedStatus::getEventTimeUs,
          FeedStatus::getReceiveTimeUs);

  /** Dead letters are keyed by the stage that rejected them, stamped with the rejected time. */
  public static final TopicSpec<DeadLetter> DEAD_LETTERS =
      new TopicSpec<>(
          Topics.DEAD_LETTERS,
          DeadLetter.class,
          DeadLetter::getStage,
          DeadLetter::getRejectedAtUs,
          null);

  /** Bars are stamped with the start of their bucket: every revision of a bar has one time. */
  public static final TopicSpec<OhlcBar> BARS =
      new TopicSpec<>(
          Topics.BARS, OhlcBar.class, OhlcBar::getInstrument, OhlcBar::getBucketStartUs, null);

  /** Ticks are stamped with the exchange time of the book update or trade that made them. */
  public static final TopicSpec<MarketTick> TICKS =
      new TopicSpec<>(
          Topics.TICKS,
          MarketTick.class,
          MarketTick::getInstrument,
          MarketTick::getExchangeTimeUs,
          null);

  /** Snapshots are stamped with the instant they show. */
  public static final TopicSpec<OrderBookSnapshot> BOOK_SNAPSHOTS =
      new TopicSpec<>(
          Topics.BOOK_SNAPSHOTS,
          OrderBookSnapshot.class,
          OrderBookSnapshot::getInstrument,
          OrderBookSnapshot::getSnapshotTimeUs,
          null);

  /** Per-second microstructure is stamped with the start of its second, as bars are. */
  public static final TopicSpec<MarketMicrostructure> MICROSTRUCTURE =
      new TopicSpec<>(
          Topics.MICROSTRUCTURE,
          MarketMicrostructure.class,
          MarketMicrostructure::getInstrument,
          MarketMicrostructure::getBucketStartUs,
          null);

  /** Per-minute liquidity is stamped with the start of its minute. */
  public static final TopicSpec<LiquidityMetrics> LIQUIDITY =
      new TopicSpec<>(
          Topics.LIQUIDITY,
          LiquidityMetrics.class,
          LiquidityMetrics::getInstrument,
          LiquidityMetrics::getBucketStartUs,
          null);

  /**
   * A prediction-market outcome's pair is keyed by the outcome, {@code
   * PARIFLOW:<eventId>:<outcomeId>} (the instrument id of its YES and NO books without the option),
   * and stamped with the start of its second.
   */
  public static final TopicSpec<PredictionPairMetrics> PREDICTION_PAIRS =
      new TopicSpec<>(
          Topics.PREDICTION_PAIRS,
          PredictionPairMetrics.class,
          TopicSpec::outcomeKey,
          PredictionPairMetrics::getBucketStartUs,
          null);

  /** Book statuses are stamped with the exchange time of the record that changed the state. */
  public static final TopicSpec<BookStatus> BOOK_STATUS =
      new TopicSpec<>(
          Topics.BOOK_STATUS,
          BookStatus.class,
          BookStatus::getInstrument,
          BookStatus::getEventTimeUs,
          null);

  /**
   * Statistics are stamped with the end of their period: the minute boundary they were computed
   * for, the same for all four periods.
   */
  public static final TopicSpec<MarketStatistics> STATISTICS =
      new TopicSpec<>(
          Topics.STATISTICS,
          MarketStatistics.class,
          MarketStatistics::getInstrument,
          MarketStatistics::getPeriodEndUs,
          null);

  /** Volatility is stamped with the end of its window. */
  public static final TopicSpec<VolatilityMetrics> VOLATILITY =
      new TopicSpec<>(
          Topics.VOLATILITY,
          VolatilityMetrics.class,
          VolatilityMetrics::getInstrument,
          VolatilityMetrics::getTimestampUs,
          null);

  /**
   * A correlation matrix belongs to no instrument: it is keyed {@code <window>:<method>} (one
   * partition keeps each series in order) and stamped with its sampling boundary.
   */
  public static final TopicSpec<CorrelationMatrix> CORRELATIONS =
      new TopicSpec<>(
          Topics.CORRELATIONS,
          CorrelationMatrix.class,
          matrix -> matrix.getWindow() + ":" + matrix.getMethod(),
          CorrelationMatrix::getTimestampUs,
          null);

  /** Regimes are stamped with the end of the instrument's last bar. */
  public static final TopicSpec<MarketRegimeIndicators> REGIMES =
      new TopicSpec<>(
          Topics.REGIMES,
          MarketRegimeIndicators.class,
          MarketRegimeIndicators::getInstrument,
          MarketRegimeIndicators::getTimestampUs,
          null);

  /** Anomalies are stamped with the end of the bar that showed them. */
  public static final TopicSpec<MarketAnomaly> ANOMALIES =
      new TopicSpec<>(
          Topics.ANOMALIES,
          MarketAnomaly.class,
          MarketAnomaly::getInstrument,
          MarketAnomaly::getTimestampUs,
          null);

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eventTime, "eventTime");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }

  /** The same layout under another topic name (a test's own topic, an operator's naming). */
  public TopicSpec<T> withName(String otherName) {
    return new TopicSpec<>(otherName, type, key, eventTime, receiveTime);
  }

  /** The key as Kafka bytes, {@code null} when the record has none. */
  public byte[] keyBytes(T record) {
    String k = key.of(record);
    return k == null ? null : k.getBytes(StandardCharsets.UTF_8);
  }

  /** The Kafka timestamp: the event time in milliseconds; Kafka refuses negative ones. */
  public long timestampMs(T record) {
    return Math.max(0L, eventTime.micros(record) / 1_000L);
  }

  /** Whether records of this topic carry a local receive time (records from a venue do). */
  public boolean hasReceiveTime() {
    return receiveTime != null;
  }

  private static String outcomeKey(PredictionPairMetrics pair) {
    return InstrumentId.outcomeKey(pair.getEventId(), pair.getOutcomeId());
  }
}
