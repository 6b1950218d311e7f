package org.marketflow.jobs.microstructure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * Flink's serializer contract, every optional field present and absent, and the schemas' fields.
 */
class InstrumentEventSerializerTest extends SerializerTestBase<InstrumentEvent> {

  InstrumentEventSerializerTest() {
    super(
        new DeeplyEqualsChecker()
            .withCustomCheck(
                (a, b) -> a instanceof InstrumentEvent && b instanceof InstrumentEvent,
                (a, b, checker) -> sameFields(a, b)));
  }

  /** The event has no equals: it is compared field by field (its Avro records have one). */
  private static boolean sameFields(Object a, Object b) {
    try {
      assertSameEvent((InstrumentEvent) b, (InstrumentEvent) a);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /**
   * {@code actual} carries what {@code expected} does, field by field, a book update compared
   * decoded: an event read from the shuffle has its update both decoded and as bytes, one from
   * Kafka only as bytes, one from a test only decoded.
   */
  static void assertSameEvent(InstrumentEvent actual, InstrumentEvent expected) {
    assertThat(decoded(actual)).usingRecursiveComparison().isEqualTo(decoded(expected));
    if (actual.bookAvro != null && expected.bookAvro != null) {
      assertThat(actual.bookAvro).isEqualTo(expected.bookAvro);
    }
  }

  private static InstrumentEvent decoded(InstrumentEvent event) {
    InstrumentEvent copy = InstrumentEventSerializer.INSTANCE.copy(event);
    if (copy.book == null && copy.bookAvro != null && copy.undecodable == null) {
      try {
        copy.book = AvroCodec.of(BookUpdate.class).decode(copy.bookAvro);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    copy.bookAvro = null;
    return copy;
  }

  @Override
  protected TypeSerializer<InstrumentEvent> createSerializer() {
    return InstrumentEventSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<InstrumentEvent> getTypeClass() {
    return InstrumentEvent.class;
  }

  @Override
  protected InstrumentEvent[] getTestData() {
    return samples();
  }

  /** Every kind, every optional field present and absent, one applied later than stamped. */
  static InstrumentEvent[] samples() {
    BookUpdate full =
        BookUpdate.newBuilder()
            .setInstrument("BINANCE-USDM:BTCUSDT")
            .setExchangeTimeUs(1_723_161_240_000_001L)
            .setReceiveTimeUs(1_723_161_240_000_999L)
            .setKind(BookUpdateKind.DELTA)
            .setFirstSequence(10L)
            .setLastSequence(12L)
            .setPreviousSequence(9L)
            .setChecksum(4_294_967_295L)
            .setBids(List.of(new BookLevel(100.5, 0.0, null), new BookLevel(100.0, 2.5, 3)))
            .setAsks(List.of(new BookLevel(101.0, 1.25, 0), new BookLevel(102.0, 1.0, -1)))
            .build();
    BookUpdate sparse =
        BookUpdate.newBuilder(full)
            .setKind(BookUpdateKind.SNAPSHOT)
            .setFirstSequence(null)
            .setLastSequence(null)
            .setPreviousSequence(null)
            .setChecksum(null)
            .setBids(List.of())
            .setAsks(List.of())
            .build();
    Trade trade =
        Trade.newBuilder()
            .setInstrument("PARIFLOW:e1:o1:YES")
            .setExchangeTimeUs(5)
            .setReceiveTimeUs(6)
            .setSequence(null)
            .setTradeId("t-1")
            .setPrice(0.41)
            .setSize(12.5)
            .setSide(Side.SELL)
            .build();
    FeedStatus gap =
        FeedStatus.newBuilder()
            .setInstrument("COINBASE:BTC-USD")
            .setEventTimeUs(7)
            .setReceiveTimeUs(8)
            .setState(FeedState.GAP)
            .setExpectedSequence(100L)
            .setReceivedSequence(105L)
            .setDetail("missed 5 updates")
            .build();
    FeedStatus connected =
        FeedStatus.newBuilder(gap)
            .setState(FeedState.CONNECTED)
            .setExpectedSequence(null)
            .setReceivedSequence(null)
            .setDetail(null)
            .build();
    InstrumentEvent late = InstrumentEvent.of(full, 1, 99);
    late.timeUs = full.getExchangeTimeUs() + 1_000; // applied later than stamped
    BookUpdate read = BookUpdate.newBuilder(full).setInstrument("SIM:READ").build();
    return new InstrumentEvent[] {
      late,
      InstrumentEvent.of(sparse, 0, 0),
      InstrumentEvent.of(EncodedBookUpdate.of(read, AvroCodec.of(BookUpdate.class)), 1, 100),
      InstrumentEvent.of(trade, 2, Long.MAX_VALUE),
      InstrumentEvent.of(gap, 0, 3),
      InstrumentEvent.of(connected, 0, 4)
    };
  }

  @Override
  protected void deepEquals(String message, InstrumentEvent should, InstrumentEvent is) {
    assertSameEvent(is, should);
  }

  @Test
  void writesABookUpdateAsTheBytesItWasReadAsAndDecodesItWhenRead() throws IOException {
    AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);
    BookUpdate update = samples()[0].book;
    byte[] avro = codec.encode(update);
    InstrumentEvent event = InstrumentEvent.of(EncodedBookUpdate.of(update, codec), 1, 5);

    InstrumentEvent read = roundTrip(event);

    assertThat(read.book).hasToString(update.toString());
    assertThat(read.bookAvro).isEqualTo(avro);
    assertThat(read.instrument).isEqualTo(update.getInstrument());
    assertThat(read.undecodable).isNull();
    // Made from a decoded update, it is written as the same bytes.
    assertThat(roundTrip(InstrumentEvent.of(update, 1, 5)).bookAvro).isEqualTo(avro);
  }

  @Test
  void readsBytesThatAreNotABookUpdateAsAnUndecodableEvent() throws IOException {
    AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);
    BookUpdate update = samples()[0].book;
    byte[] avro = codec.encode(update);
    byte[] cut = Arrays.copyOf(avro, avro.length - 2);
    byte[] longer = Arrays.copyOf(avro, avro.length + 1);

    for (byte[] bad : List.of(cut, longer)) {
      InstrumentEvent event = InstrumentEvent.of(new EncodedBookUpdate("SIM:X", 7, 8, bad), 0, 11);

      InstrumentEvent read = roundTrip(event);

      assertThat(read.kind).isEqualTo(EventKind.BOOK);
      assertThat(read.book).isNull();
      assertThat(read.bookAvro).isEqualTo(bad);
      assertThat(read.undecodable).startsWith("not an Avro BookUpdate: ");
      assertThat(read.timeUs).isEqualTo(7);
      assertThat(read.offset).isEqualTo(11);
    }
  }

  private static InstrumentEvent roundTrip(InstrumentEvent event) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    InstrumentEventSerializer.INSTANCE.serialize(event, out);
    return InstrumentEventSerializer.INSTANCE.deserialize(
        new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void refusesACorruptKind() {
    DataInputDeserializer corrupt = new DataInputDeserializer(new byte[] {9, 0, 0, 0});
    assertThatThrownBy(() -> InstrumentEventSerializer.INSTANCE.deserialize(corrupt))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("event kind 9");
  }

  @Test
  void carriesEveryFieldOfTheSchemas() {
    // A new field in FeedStatus.avsc must be written by InstrumentEventSerializer too: update
    // both (book updates go as their Avro bytes; Trade's is TradeSerializerTest's).
    assertThat(FeedStatus.getClassSchema().getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "instrument",
            "eventTimeUs",
            "receiveTimeUs",
            "state",
            "expectedSequence",
            "receivedSequence",
            "detail");
  }
}
