package org.marketflow.jobs.microstructure.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.marketflow.jobs.common.records.TradeSerializer;
import org.marketflow.schemas.avro.AvroBinary;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

/**
 * Writes an {@link InstrumentEvent} across the shuffle and in the events an instrument holds until
 * the watermark passes them: its kind, time and Kafka position, then the record it carries. A book
 * update goes as its Avro bytes, those it was read as when it came from Kafka, and is decoded when
 * it is read ({@link AvroCodec}); bytes that do not decode leave the event's {@link
 * InstrumentEvent#undecodable} reason, where they would fail the job if thrown. The book operator
 * does not read its waiting book updates as events: it decodes them where their bytes lie ({@link
 * ShuffledBookUpdate}). A trade goes through {@link TradeSerializer}, a feed status field by field,
 * with a byte of flags for the optional fields.
 *
 * <p>Hand-written because Flink's POJO serializer reflects on the event and hands each Avro record
 * to Flink's Avro serializer, which resolves every union through a schema lookup and builds the
 * record generically: reading the shuffled events took about a sixth of the book operator's thread
 * (JFR). A change of {@code FeedStatus.avsc} must change it too: {@code
 * InstrumentEventSerializerTest} fails on a field it does not carry.
 */
public final class InstrumentEventSerializer extends TypeSerializerSingleton<InstrumentEvent> {

  private static final long serialVersionUID = 1L;

  public static final InstrumentEventSerializer INSTANCE = new InstrumentEventSerializer();

  private static final EventKind[] KINDS = EventKind.values();
  private static final FeedState[] FEED_STATES = FeedState.values();

  /** Book updates' codec, one per thread: it reuses its buffers and instrument names. */
  private static final ThreadLocal<AvroCodec<BookUpdate>> BOOKS =
      ThreadLocal.withInitial(() -> AvroCodec.of(BookUpdate.class));

  /**
   * Where a book update's Avro bytes start in what {@link #serialize} writes: after the kind, time,
   * partition and offset, and the bytes' length.
   */
  static final int BOOK_AVRO_AT = 1 + Long.BYTES + Integer.BYTES + Long.BYTES + Integer.BYTES;

  // Flags of a feed status's optional fields.
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
    copy.instrument = from.instrument;
    copy.book = from.book == null ? null : BookUpdate.newBuilder(from.book).build();
    copy.bookAvro = from.bookAvro; // never changed
    copy.undecodable = from.undecodable;
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
      case BOOK -> writeBook(event, target);
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
      case BOOK -> readBook(source, event);
      case TRADE -> {
        event.trade = TradeSerializer.INSTANCE.deserialize(source);
        event.instrument = event.trade.getInstrument();
      }
      case STATUS -> {
        event.status = readStatus(source);
        event.instrument = event.status.getInstrument();
      }
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

  private static void writeBook(InstrumentEvent event, DataOutputView target) throws IOException {
    byte[] avro = event.bookAvro != null ? event.bookAvro : BOOKS.get().encode(event.book);
    target.writeInt(avro.length);
    target.write(avro);
  }

  private static void readBook(DataInputView source, InstrumentEvent event) throws IOException {
    int length = source.readInt();
    if (length < 0) {
      throw new IOException("corrupt InstrumentEvent: a book update of " + length + " bytes");
    }
    byte[] avro = new byte[length];
    source.readFully(avro);
    event.bookAvro = avro;
    try {
      event.book = BOOKS.get().decode(avro);
      event.instrument = event.book.getInstrument();
    } catch (Exception e) { // Avro throws runtime exceptions too
      event.undecodable = undecodable(e);
    }
  }

  /** The reason a book update's dead letter gives when its bytes do not decode. */
  static String undecodable(Exception e) {
    return "not an Avro BookUpdate: " + e;
  }

  /**
   * The instrument of the book update this serializer wrote at {@code bytes[start, start +
   * length)}: the first field of its Avro bytes, read without decoding the rest, whether the rest
   * decodes or not (the source read the same field to key it).
   */
  static String bookInstrument(byte[] bytes, int start, int length) {
    try {
      return new AvroBinary().wrap(bytes, start + BOOK_AVRO_AT, length - BOOK_AVRO_AT).readString();
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt shuffled book update", e);
    }
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
