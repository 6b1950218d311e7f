package org.marketflow.jobs.microstructure.records;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.marketflow.jobs.common.records.SerializerTypeInfo;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;

/**
 * One record of an instrument's three input topics — a book update, a trade or a feed status — so
 * that one keyed operator reads them all in one order. {@link #kind} says which of {@link #book},
 * {@link #trade}, {@link #status} it carries. A book update read from Kafka comes as its Avro bytes
 * ({@link #bookAvro}), decoded into {@link #book} only when the event is read on the far side of
 * the shuffle ({@link #undecodable} says why, if it does not decode); the book operator itself
 * decodes its waiting updates in place ({@link ShuffledBookUpdate}). Its Flink type is {@link
 * #TYPE}, written by {@link InstrumentEventSerializer}.
 */
public class InstrumentEvent {

  public static final TypeInformation<InstrumentEvent> TYPE =
      new SerializerTypeInfo<>(InstrumentEvent.class, InstrumentEventSerializer.INSTANCE);

  public EventKind kind;

  /**
   * When the job applies the event, epoch µs: the record's event time, later for a book update
   * stamped before the instrument's previous one or for a book update or status behind the
   * watermark (see {@code BookProcessor}).
   */
  public long timeUs;

  /** The instrument id; {@code null} for a book update whose bytes do not decode. */
  public String instrument;

  /** The book update, decoded; {@code null} before the shuffle and when it does not decode. */
  public BookUpdate book;

  /** The book update's Avro bytes as read; {@code null} when made from a decoded update. */
  public byte[] bookAvro;

  /** Why {@link #bookAvro} is not a book update, or {@code null}. */
  public String undecodable;

  public Trade trade;
  public FeedStatus status;

  /** Where the record was read, for its dead letter. */
  public int partition;

  public long offset;

  /** An event with no kind yet, for its serializer. */
  public InstrumentEvent() {}

  public static InstrumentEvent of(BookUpdate book, int partition, long offset) {
    InstrumentEvent event = at(EventKind.BOOK, book.getExchangeTimeUs(), partition, offset);
    event.instrument = book.getInstrument();
    event.book = book;
    return event;
  }

  /** A book update read from Kafka, to be decoded after the shuffle. */
  public static InstrumentEvent of(EncodedBookUpdate book, int partition, long offset) {
    InstrumentEvent event = at(EventKind.BOOK, book.exchangeTimeUs, partition, offset);
    event.instrument = book.instrument;
    event.bookAvro = book.avro;
    return event;
  }

  public static InstrumentEvent of(Trade trade, int partition, long offset) {
    InstrumentEvent event = at(EventKind.TRADE, trade.getExchangeTimeUs(), partition, offset);
    event.instrument = trade.getInstrument();
    event.trade = trade;
    return event;
  }

  public static InstrumentEvent of(FeedStatus status, int partition, long offset) {
    InstrumentEvent event = at(EventKind.STATUS, status.getEventTimeUs(), partition, offset);
    event.instrument = status.getInstrument();
    event.status = status;
    return event;
  }

  private static InstrumentEvent at(EventKind kind, long timeUs, int partition, long offset) {
    InstrumentEvent event = new InstrumentEvent();
    event.kind = kind;
    event.timeUs = timeUs;
    event.partition = partition;
    event.offset = offset;
    return event;
  }

  /** The instrument id of the record carried. */
  public String instrument() {
    return instrument;
  }

  /** The record's own event time, epoch µs; for a book update not decoded, {@link #timeUs}. */
  public long eventTimeUs() {
    return switch (kind) {
      case BOOK -> book != null ? book.getExchangeTimeUs() : timeUs;
      case TRADE -> trade.getExchangeTimeUs();
      case STATUS -> status.getEventTimeUs();
    };
  }

  @Override
  public String toString() {
    return kind
        + "@"
        + timeUs
        + " "
        + (kind == EventKind.BOOK ? bookText() : kind == EventKind.TRADE ? trade : status);
  }

  private String bookText() {
    if (book != null) {
      return book.toString();
    }
    return undecodable != null
        ? "undecodable book update (" + undecodable + ")"
        : instrument + " book update, " + (bookAvro == null ? 0 : bookAvro.length) + " bytes";
  }
}
