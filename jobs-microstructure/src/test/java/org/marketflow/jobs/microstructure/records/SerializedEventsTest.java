package org.marketflow.jobs.microstructure.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.functions.EventsInstrument;
import org.marketflow.jobs.microstructure.state.PendingEvents;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.EncodedBookUpdate;

/**
 * Lists of events across the shuffle: Flink's serializer contract for {@link
 * InstrumentEventsSerializer}, and {@link SerializedEvents} read without decoding against the
 * decoded events.
 */
class SerializedEventsTest extends SerializerTestBase<List<InstrumentEvent>> {

  @Test
  void givesEachEventsKindAndTimeWithoutDecodingIt() {
    InstrumentEvent[] events = InstrumentEventSerializerTest.samples();
    SerializedEvents serialized = SerializedEvents.of(Arrays.asList(events));
    assertThat(serialized).hasSize(events.length);
    for (int i = 0; i < events.length; i++) {
      assertThat(serialized.kind(i)).isEqualTo(events[i].kind);
      assertThat(serialized.timeUs(i)).isEqualTo(events[i].timeUs);
      InstrumentEventSerializerTest.assertSameEvent(serialized.get(i), events[i]);
    }
    assertThat(SerializedEvents.of(serialized)).isSameAs(serialized);
    assertThatThrownBy(() -> serialized.kind(events.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readsEachEventsInstrumentABookUpdatesFromItsBytesEvenWhenTheyDoNotDecode() {
    InstrumentEvent[] events = InstrumentEventSerializerTest.samples();
    SerializedEvents serialized = SerializedEvents.of(Arrays.asList(events));
    for (int i = 0; i < events.length; i++) {
      assertThat(serialized.instrument(i)).isEqualTo(events[i].instrument());
    }

    byte[] avro = AvroCodec.of(BookUpdate.class).encode(events[0].book);
    byte[] cut = Arrays.copyOf(avro, avro.length - 2);
    SerializedEvents undecodable =
        SerializedEvents.of(
            List.of(
                InstrumentEvent.of(
                    new EncodedBookUpdate(events[0].book.getInstrument(), 1, 2, cut), 0, 0)));
    assertThat(undecodable.get(0).book).isNull();
    assertThat(undecodable.instrument(0)).isEqualTo(events[0].book.getInstrument());
    assertThat(new EventsInstrument().getKey(undecodable))
        .isEqualTo(events[0].book.getInstrument());
  }

  @Test
  void crossesTheShuffleAsBytesAndWaitsAsThem() throws Exception {
    InstrumentEvent[] events = InstrumentEventSerializerTest.samples();
    InstrumentEventsSerializer serializer = new InstrumentEventsSerializer();
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(new ArrayList<>(Arrays.asList(events)), out);
    List<InstrumentEvent> received =
        serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(received).isInstanceOf(SerializedEvents.class);
    SerializedEvents batch = (SerializedEvents) received;

    // Written again as it is: the same bytes.
    DataOutputSerializer again = new DataOutputSerializer(64);
    serializer.serialize(batch, again);
    assertThat(again.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());

    // Copied into the waiting events with a later time, it applies at that time.
    PendingEvents pending = new PendingEvents();
    for (int i = batch.size() - 1; i >= 0; i--) {
      pending.add(
          batch.timeUs(i) + 7, batch.kind(i), batch.bytes(), batch.start(i), batch.length(i));
    }
    for (int i = 0; i < pending.size(); i++) {
      InstrumentEvent read = pending.read(i);
      assertThat(read.timeUs).isEqualTo(pending.timeUs(i));
      InstrumentEvent original = original(events, read);
      assertThat(read.timeUs).isEqualTo(original.timeUs + 7);
      read.timeUs = original.timeUs;
      InstrumentEventSerializerTest.assertSameEvent(read, original);
    }
  }

  @Test
  void refusesACorruptList() {
    byte[] negative = {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThatThrownBy(
            () -> new InstrumentEventsSerializer().deserialize(new DataInputDeserializer(negative)))
        .hasMessageContaining("an event of -1 bytes");
  }

  private static InstrumentEvent original(InstrumentEvent[] events, InstrumentEvent read) {
    return Arrays.stream(events)
        .filter(e -> e.kind == read.kind && e.offset == read.offset)
        .findFirst()
        .orElseThrow();
  }

  @Override
  protected TypeSerializer<List<InstrumentEvent>> createSerializer() {
    return new InstrumentEventsSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Class<List<InstrumentEvent>> getTypeClass() {
    return (Class<List<InstrumentEvent>>) (Class<?>) List.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected List<InstrumentEvent>[] getTestData() {
    InstrumentEvent[] events = InstrumentEventSerializerTest.samples();
    return new List[] {
      SerializedEvents.of(List.of()),
      SerializedEvents.of(List.of(events[0])),
      SerializedEvents.of(Arrays.asList(events))
    };
  }
}
