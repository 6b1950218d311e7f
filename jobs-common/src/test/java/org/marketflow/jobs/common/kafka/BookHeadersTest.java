package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.RecordCheck;
import org.marketflow.jobs.common.validation.TimeBounds;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.kafka.DeadLetters;

/** Book updates read by their leading fields only ({@link ValueReading#bookHeaders}). */
class BookHeadersTest {

  private static final String TOPIC = "book-topic";
  private static final long T = 1_700_000_000_000_000L;

  private final AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);
  private ConsumedDeserializer<EncodedBookUpdate> deserializer;

  @BeforeEach
  void open() {
    deserializer =
        Deserializing.opened(
            new ConsumedDeserializer<>(
                "job-x",
                ValueReading.bookHeaders(),
                RecordCheck.none(),
                TimeBounds.symmetric(Duration.ofDays(1)),
                DeadLetters.withMaxRawBytes(1_000),
                EventTimeRange.ALL));
  }

  private Consumed<EncodedBookUpdate> consume(byte[] value) {
    return Deserializing.consume(deserializer, TOPIC, 1, 9, value);
  }

  @Test
  void passesTheHeaderWithTheRecordsOwnBytes() {
    byte[] bytes = codec.encode(update(T, T + 5));

    Consumed<EncodedBookUpdate> consumed = consume(bytes);

    assertThat(consumed.isRejected()).isFalse();
    assertThat(consumed.value).isEqualTo(new EncodedBookUpdate("SIM:BOOK", T, T + 5, bytes));
    assertThat(consumed.partition).isEqualTo(1);
    assertThat(consumed.offset).isEqualTo(9);
  }

  @Test
  void rejectsAnUnreadableHeaderAsUndecodable() {
    byte[] raw = {(byte) 0xC3, (byte) 0x28, 'x'};

    DeadLetter letter = consume(raw).deadLetter;

    assertThat(letter.getStage()).isEqualTo("job-x.decode");
    assertThat(letter.getReason()).startsWith("not an Avro BookUpdate: ");
    assertThat(letter.getSourcePartition()).isEqualTo(1);
    assertThat(letter.getSourceOffset()).isEqualTo(9);
  }

  @Test
  void checksTheTimesOfTheHeader() {
    DeadLetter letter =
        consume(codec.encode(update(T, T + Duration.ofDays(2).toNanos() / 1_000))).deadLetter;

    assertThat(letter.getStage()).isEqualTo("job-x.validate");
    assertThat(letter.getReason()).contains("behind the receive time");
  }

  @Test
  void leavesABrokenBodyToTheOperatorThatDecodesIt() {
    byte[] bytes = codec.encode(update(T, T));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    Consumed<EncodedBookUpdate> consumed = consume(truncated);

    assertThat(consumed.isRejected()).isFalse();
    assertThat(consumed.value.avro).isEqualTo(truncated);
  }

  @Test
  void producesHeadersThatFlinkWritesAsPojos() throws Exception {
    TypeInformation<Consumed<EncodedBookUpdate>> type = deserializer.getProducedType();
    TypeSerializer<Consumed<EncodedBookUpdate>> serializer =
        type.createSerializer(new SerializerConfigImpl());
    Consumed<EncodedBookUpdate> consumed = consume(codec.encode(update(T, T)));
    DataOutputSerializer out = new DataOutputSerializer(256);

    serializer.serialize(consumed, out);
    Consumed<EncodedBookUpdate> copy =
        serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(type).isEqualTo(ValueReading.bookHeaders().consumedType());
    assertThat(TypeInformation.of(EncodedBookUpdate.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(copy.value).isEqualTo(consumed.value);
    assertThat(copy.offset).isEqualTo(9);
  }

  private static BookUpdate update(long exchangeUs, long receiveUs) {
    return BookUpdate.newBuilder()
        .setInstrument("SIM:BOOK")
        .setExchangeTimeUs(exchangeUs)
        .setReceiveTimeUs(receiveUs)
        .setKind(BookUpdateKind.SNAPSHOT)
        .setLastSequence(7L)
        .setBids(List.of(new BookLevel(99.0, 1.0, null)))
        .setAsks(List.of(new BookLevel(101.0, 2.0, null)))
        .build();
  }
}
