package org.marketflow.jobs.microstructure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.RandomRecords;
import org.marketflow.schemas.avro.Trade;

/** A book update event read where the serializer wrote it, among other events. */
class ShuffledBookUpdateTest {

  private final AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);

  @Test
  void readsTheKafkaPositionAndDecodesTheUpdateInPlace() throws IOException {
    BookUpdate update = RandomRecords.bookUpdate(new Random(37));
    byte[] avro = codec.encode(update);
    DataOutputSerializer out = new DataOutputSerializer(256);
    Trade before = RandomRecords.trade(new Random(41));
    InstrumentEventSerializer.INSTANCE.serialize(InstrumentEvent.of(before, 0, 1), out);
    int start = out.length();
    InstrumentEventSerializer.INSTANCE.serialize(
        InstrumentEvent.of(EncodedBookUpdate.of(update, codec), 3, 42L), out);
    int length = out.length() - start;
    InstrumentEventSerializer.INSTANCE.serialize(InstrumentEvent.of(before, 0, 2), out);

    ShuffledBookUpdate read = new ShuffledBookUpdate();

    assertThat(read.read(out.getSharedBuffer(), start, length)).isTrue();
    assertThat(read.undecodable()).isNull();
    assertThat(read.partition()).isEqualTo(3);
    assertThat(read.offset()).isEqualTo(42L);
    assertThat(read.avro()).isEqualTo(avro);
    assertThat(read.update().exchangeTimeUs()).isEqualTo(update.getExchangeTimeUs());
    assertThat(read.update().lastSequence()).isEqualTo(update.getLastSequence());
    assertThat(read.update().bids().count()).isEqualTo(update.getBids().size());
  }

  @Test
  void saysWhyAnUpdateDoesNotDecodeAndKeepsItsBytes() throws IOException {
    byte[] avro = codec.encode(RandomRecords.bookUpdate(new Random(43)));
    byte[] cut = Arrays.copyOf(avro, avro.length - 1);
    DataOutputSerializer out = new DataOutputSerializer(256);
    InstrumentEventSerializer.INSTANCE.serialize(
        InstrumentEvent.of(new EncodedBookUpdate("SIM:X", 7, 8, cut), 1, 9), out);

    ShuffledBookUpdate read = new ShuffledBookUpdate();

    assertThat(read.read(out.getSharedBuffer(), 0, out.length())).isFalse();
    assertThat(read.undecodable()).startsWith("not an Avro BookUpdate: ");
    assertThat(read.avro()).isEqualTo(cut);
    assertThat(read.partition()).isEqualTo(1);
    assertThat(read.offset()).isEqualTo(9);
    // The next read that decodes clears the reason.
    DataOutputSerializer good = new DataOutputSerializer(256);
    InstrumentEventSerializer.INSTANCE.serialize(
        InstrumentEvent.of(
            EncodedBookUpdate.of(RandomRecords.bookUpdate(new Random(47)), codec), 0, 0),
        good);
    assertThat(read.read(good.getSharedBuffer(), 0, good.length())).isTrue();
    assertThat(read.undecodable()).isNull();
  }

  @Test
  void refusesAnEventWhoseLengthIsNotItsUpdates() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    InstrumentEventSerializer.INSTANCE.serialize(
        InstrumentEvent.of(
            EncodedBookUpdate.of(RandomRecords.bookUpdate(new Random(73)), codec), 0, 0),
        out);

    // One byte short of the event: the update's length reaches past it.
    assertThatThrownBy(
            () -> new ShuffledBookUpdate().read(out.getSharedBuffer(), 0, out.length() - 1))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage(
            "a book update of "
                + (out.length() - 25)
                + " bytes in an event of "
                + (out.length() - 1)
                + " bytes");
  }

  @Test
  void refusesAnEventThatIsNotABookUpdate() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    InstrumentEventSerializer.INSTANCE.serialize(
        InstrumentEvent.of(RandomRecords.trade(new Random(53)), 0, 1), out);

    assertThatThrownBy(() -> new ShuffledBookUpdate().read(out.getSharedBuffer(), 0, out.length()))
        .isInstanceOf(UncheckedIOException.class);
  }
}
