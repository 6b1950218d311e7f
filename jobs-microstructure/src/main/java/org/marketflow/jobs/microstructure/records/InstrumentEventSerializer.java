package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.marketflow.jobs.common.records.TradeSerializer;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

/**
 * Writes an {@link InstrumentEvent} across the shuffle and in the events an instrument holds until
 * the watermark passes them: its kind, time and Kafka position, then the record it carries, field
 * by field, with a byte of flags for the optional fields (a trade through {@link TradeSerializer}).
 *
 * <p>Hand-written because Flink's POJO serializer reflects on the event and hands each Avro record
 * to Flink's Avro serializer, which resolves every union through a schema lookup and builds the
 * record generically: reading the shuffled events took about a sixth of the book operator's thread
 * (JFR). A change of {@code BookUpdate.avsc} or {@code FeedStatus.avsc} must change it too: {@code
 * InstrumentEventSerializerTest} fails on a field it does not carry.
 */
public final class InstrumentEventSerializer extends TypeSerializerSingleton<InstrumentEvent> {

  private static final long serialVersionUID = 1L;

  public static final InstrumentEventSerializer INSTANCE = new InstrumentEventSerializer();

  private static final EventKind[] KINDS = EventKind.values();
  private static final BookUpdateKind[] BOOK_KINDS = BookUpdateKind.values();
  private static final FeedState[] FEED_STATES = FeedState.values();

  // Flags of a book update's optional fields, and of a feed status's.
  private static final int FIRST_SEQUENCE = 1;
  private static final int LAST_SEQUENCE = 1 << 1;
  private static final int PREVIOUS_SEQUENCE = 1 << 2;
  private static final int CHECKSUM = 1 << 3;
  private static final int EXPECTED_SEQUENCE = 1;
  private static final int RECEIVED_SEQUENCE = 1 << 1;
  private static final int DETAIL = 1 << 2;

  private InstrumentEventSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public InstrumentEvent createInstance() {
    return new InstrumentEvent();
  }

  /** A deep copy (Flink copies only where records are not reused: state snapshots, tests). */
  @Override
  public InstrumentEvent copy(InstrumentEvent from) {
    InstrumentEvent copy = new InstrumentEvent();
    copy.kind = from.kind;
    copy.timeUs = from.timeUs;
    copy.book = from.book == null ? null : BookUpdate.newBuilder(from.book).build();
    copy.trade = from.trade == null ? null : TradeSerializer.INSTANCE.copy(from.trade);
    copy.status = from.status == null ? null : FeedStatus.newBuilder(from.status).build();
    copy.partition = from.partition;
    copy.offset = from.offset;
    return copy;
  }

  @Override
  public InstrumentEvent copy(InstrumentEvent from, InstrumentEvent reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(InstrumentEvent event, DataOutputView target) throws IOException {
    target.writeByte(event.kind.ordinal());
    target.writeLong(event.timeUs);
    target.writeInt(event.partition);
    target.writeLong(event.offset);
    switch (event.kind) {
      case BOOK -> writeBook(event.book, target);
      case TRADE -> TradeSerializer.INSTANCE.serialize(event.trade, target);
      case STATUS -> writeStatus(event.status, target);
    }
  }

  @Override
  public InstrumentEvent deserialize(DataInputView source) throws IOException {
    InstrumentEvent event = new InstrumentEvent();
    event.kind = enumAt(KINDS, source.readByte(), "event kind");
    event.timeUs = source.readLong();
    event.partition = source.readInt();
    event.offset = source.readLong();
    switch (event.kind) {
      case BOOK -> event.book = readBook(source);
      case TRADE -> event.trade = TradeSerializer.INSTANCE.deserialize(source);
      case STATUS -> event.status = readStatus(source);
    }
    return event;
  }

  @Override
  public InstrumentEvent deserialize(InstrumentEvent reuse, DataInputView source)
      throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  private static void writeBook(BookUpdate book, DataOutputView target) throws IOException {
    StringValue.writeString(book.getInstrument(), target);
    target.writeLong(book.getExchangeTimeUs());
    target.writeLong(book.getReceiveTimeUs());
    target.writeByte(book.getKind().ordinal());
    Long first = book.getFirstSequence();
    Long last = book.getLastSequence();
    Long previous = book.getPreviousSequence();
    Long checksum = book.getChecksum();
    target.writeByte(
        (first != null ? FIRST_SEQUENCE : 0)
            | (last != null ? LAST_SEQUENCE : 0)
            | (previous != null ? PREVIOUS_SEQUENCE : 0)
            | (checksum != null ? CHECKSUM : 0));
    writeIfPresent(first, target);
    writeIfPresent(last, target);
    writeIfPresent(previous, target);
    writeIfPresent(checksum, target);
    writeLevels(book.getBids(), target);
    writeLevels(book.getAsks(), target);
  }

  private static BookUpdate readBook(DataInputView source) throws IOException {
    BookUpdate book = new BookUpdate();
    book.setInstrument(StringValue.readString(source));
    book.setExchangeTimeUs(source.readLong());
    book.setReceiveTimeUs(source.readLong());
    book.setKind(enumAt(BOOK_KINDS, source.readByte(), "book update kind"));
    int flags = source.readByte();
    book.setFirstSequence((flags & FIRST_SEQUENCE) != 0 ? source.readLong() : null);
    book.setLastSequence((flags & LAST_SEQUENCE) != 0 ? source.readLong() : null);
    book.setPreviousSequence((flags & PREVIOUS_SEQUENCE) != 0 ? source.readLong() : null);
    book.setChecksum((flags & CHECKSUM) != 0 ? source.readLong() : null);
    book.setBids(readLevels(source));
    book.setAsks(readLevels(source));
    return book;
  }

  /**
   * A level: price, size, then a byte saying whether it has an order count, and the count if so.
   * Any count is written as it is: the serializer judges no input (a job would fail on it), the
   * book's checks do.
   */
  private static void writeLevels(List<BookLevel> levels, DataOutputView target)
      throws IOException {
    target.writeInt(levels.size());
    for (BookLevel level : levels) {
      target.writeDouble(level.getPrice());
      target.writeDouble(level.getSize());
      Integer orders = level.getOrderCount();
      target.writeBoolean(orders != null);
      if (orders != null) {
        target.writeInt(orders);
      }
    }
  }

  private static List<BookLevel> readLevels(DataInputView source) throws IOException {
    int count = source.readInt();
    if (count < 0) {
      throw new IOException("corrupt InstrumentEvent: " + count + " levels");
    }
    List<BookLevel> levels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double price = source.readDouble();
      double size = source.readDouble();
      Integer orders = source.readBoolean() ? source.readInt() : null;
      levels.add(new BookLevel(price, size, orders));
    }
    return levels;
  }

  private static void writeStatus(FeedStatus status, DataOutputView target) throws IOException {
    StringValue.writeString(status.getInstrument(), target);
    target.writeLong(status.getEventTimeUs());
    target.writeLong(status.getReceiveTimeUs());
    target.writeByte(status.getState().ordinal());
    Long expected = status.getExpectedSequence();
    Long received = status.getReceivedSequence();
    String detail = status.getDetail();
    target.writeByte(
        (expected != null ? EXPECTED_SEQUENCE : 0)
            | (received != null ? RECEIVED_SEQUENCE : 0)
            | (detail != null ? DETAIL : 0));
    writeIfPresent(expected, target);
    writeIfPresent(received, target);
    if (detail != null) {
      StringValue.writeString(detail, target);
    }
  }

  private static FeedStatus readStatus(DataInputView source) throws IOException {
    FeedStatus status = new FeedStatus();
    status.setInstrument(StringValue.readString(source));
    status.setEventTimeUs(source.readLong());
    status.setReceiveTimeUs(source.readLong());
    status.setState(enumAt(FEED_STATES, source.readByte(), "feed state"));
    int flags = source.readByte();
    status.setExpectedSequence((flags & EXPECTED_SEQUENCE) != 0 ? source.readLong() : null);
    status.setReceivedSequence((flags & RECEIVED_SEQUENCE) != 0 ? source.readLong() : null);
    status.setDetail((flags & DETAIL) != 0 ? StringValue.readString(source) : null);
    return status;
  }

  private static void writeIfPresent(Long value, DataOutputView target) throws IOException {
    if (value != null) {
      target.writeLong(value);
    }
  }

  private static <E> E enumAt(E[] values, int ordinal, String what) throws IOException {
    if (ordinal < 0 || ordinal >= values.length) {
      throw new IOException("corrupt InstrumentEvent: " + what + " " + ordinal);
    }
    return values[ordinal];
  }

  @Override
  public TypeSerializerSnapshot<InstrumentEvent> snapshotConfiguration() {
    return new InstrumentEventSerializerSnapshot();
  }

  /** Restores the serializer; it has no configuration. */
  public static final class InstrumentEventSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<InstrumentEvent> {

    public InstrumentEventSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
