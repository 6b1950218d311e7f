package org.marketflow.jobs.common.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.btc;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;

class ConsumedTest {

  private final TypeInformation<Consumed<Trade>> type = Consumed.typeInfo(Trade.class);
  private final TypeSerializer<Consumed<Trade>> serializer =
      type.createSerializer(new SerializerConfigImpl());

  @Test
  void hasItsOwnTypeWithAnAvroValueNotAGenericKryoType() {
    assertThat(type).isInstanceOf(ConsumedTypeInfo.class).isEqualTo(Consumed.typeInfo(Trade.class));
    assertThat(((ConsumedTypeInfo<?>) type).valueType().getClass().getSimpleName())
        .isEqualTo("AvroTypeInfo");
    assertThat(serializer).isInstanceOf(ConsumedSerializer.class);
  }

  @Test
  void copiesDeeplyAndCopiesSerializedRecordsAsTheyAre() throws Exception {
    Consumed<Trade> trade = Consumed.of(btc(1, 1, 100.0, 1.0), 2, 40L);
    Consumed<Trade> copy = serializer.copy(trade);
    assertThat(copy.value).isEqualTo(trade.value).isNotSameAs(trade.value);
    assertThat(copy.offset).isEqualTo(40L);

    DataOutputSerializer first = new DataOutputSerializer(256);
    serializer.serialize(trade, first);
    DataOutputSerializer second = new DataOutputSerializer(256);
    serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);
    assertThat(second.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
  }

  @Test
  void restoresFromItsSnapshotAsItWas() throws Exception {
    TypeSerializerSnapshot<Consumed<Trade>> snapshot = serializer.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(1024);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<Consumed<Trade>> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(read.restoreSerializer()).isEqualTo(serializer);
    assertThat(
            serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void roundTripsARecordAndADeadLetterWithTheirPositions() throws Exception {
    Consumed<Trade> trade = Consumed.of(btc(1, 1, 100.0, 1.0), 2, 40L);
    DeadLetter letter =
        DeadLetters.DEFAULT.of("s", "r", RecordOrigin.kafka("t", 1, 41L), 0L, new byte[] {1});
    Consumed<Trade> rejected = Consumed.rejected(letter, 1, 41L);

    Consumed<Trade> tradeCopy = roundTrip(trade);
    assertThat(tradeCopy.value).isEqualTo(trade.value);
    assertThat(tradeCopy.partition).isEqualTo(2);
    assertThat(tradeCopy.offset).isEqualTo(40L);
    assertThat(tradeCopy.isRejected()).isFalse();

    Consumed<Trade> rejectedCopy = roundTrip(rejected);
    assertThat(rejectedCopy.isRejected()).isTrue();
    assertThat(rejectedCopy.deadLetter).isEqualTo(letter);
    assertThat(rejectedCopy.value).isNull();
  }

  private Consumed<Trade> roundTrip(Consumed<Trade> consumed) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(consumed, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
