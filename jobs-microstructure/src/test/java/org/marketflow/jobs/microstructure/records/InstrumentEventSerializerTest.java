package org.marketflow.jobs.microstructure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
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
      assertThat(b).usingRecursiveComparison().isEqualTo(a);
      return true;
    } catch (AssertionError e) {
      return false;
    }
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
    return new InstrumentEvent[] {
      late,
      InstrumentEvent.of(sparse, 0, 0),
      InstrumentEvent.of(trade, 2, Long.MAX_VALUE),
      InstrumentEvent.of(gap, 0, 3),
      InstrumentEvent.of(connected, 0, 4)
    };
  }

  @Override
  protected void deepEquals(String message, InstrumentEvent should, InstrumentEvent is) {
    assertThat(is).as(message).usingRecursiveComparison().isEqualTo(should);
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
    // A new field in BookUpdate.avsc, BookLevel or FeedStatus.avsc must be written by
    // InstrumentEventSerializer too: update both (Trade's is TradeSerializerTest's).
    assertThat(BookUpdate.getClassSchema().getFields())
        .extracting(Schema.Field::name)
        .containsExactly(
            "instrument",
            "exchangeTimeUs",
            "receiveTimeUs",
            "kind",
            "firstSequence",
            "lastSequence",
            "previousSequence",
            "checksum",
            "bids",
            "asks");
    assertThat(BookLevel.getClassSchema().getFields())
        .extracting(Schema.Field::name)
        .containsExactly("price", "size", "orderCount");
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
