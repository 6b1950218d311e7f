package org.marketflow.jobs.microstructure.records;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.marketflow.jobs.common.records.SerializerTypeInfo;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;

/**
 * One record of an instrument's three input topics — a book update, a trade or a feed status — so
 * that one keyed operator reads them all in one order. Exactly one of {@link #book}, {@link
 * #trade}, {@link #status} is set, as {@link #kind} says. Its Flink type is {@link #TYPE}, written
 * by {@link InstrumentEventSerializer}.
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

  public BookUpdate book;
  public Trade trade;
  public FeedStatus status;

  /** Where the record was read, for its dead letter. */
  public int partition;

  public long offset;

  /** An event with no kind yet, for its serializer. */
  public InstrumentEvent() {}

  public static InstrumentEvent of(BookUpdate book, int partition, long offset) {
    InstrumentEvent event = at(EventKind.BOOK, book.getExchangeTimeUs(), partition, offset);
    event.book = book;
    return event;
  }

  public static InstrumentEvent of(Trade trade, int partition, long offset) {
    InstrumentEvent event = at(EventKind.TRADE, trade.getExchangeTimeUs(), partition, offset);
    event.trade = trade;
    return event;
  }

  public static InstrumentEvent of(FeedStatus status, int partition, long offset) {
    InstrumentEvent event = at(EventKind.STATUS, status.getEventTimeUs(), partition, offset);
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
    return switch (kind) {
      case BOOK -> book.getInstrument();
      case TRADE -> trade.getInstrument();
      case STATUS -> status.getInstrument();
    };
  }

  /** The record's own event time, epoch µs. */
  public long eventTimeUs() {
    return switch (kind) {
      case BOOK -> book.getExchangeTimeUs();
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
        + (kind == EventKind.BOOK ? book : kind == EventKind.TRADE ? trade : status);
  }
}
