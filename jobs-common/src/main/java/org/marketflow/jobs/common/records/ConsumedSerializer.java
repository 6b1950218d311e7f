package org.marketflow.jobs.common.records;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.marketflow.schemas.avro.DeadLetter;

/**
 * Writes a {@link Consumed} as a tag byte, the value (or the dead letter) with its own serializer,
 * the partition and the offset. Hand-written because the serializer Flink would otherwise give a
 * generic class is its POJO serializer, which creates and fills every record by reflection: about
 * twice the time per {@code Consumed<Trade>} serialized, read back and copied (a loop of 2 million,
 * 860 ns against 470 ns), on a record every job shuffles.
 */
public final class ConsumedSerializer<T> extends TypeSerializer<Consumed<T>> {

  private static final long serialVersionUID = 1L;

  private static final byte VALUE = 0;
  private static final byte DEAD_LETTER = 1;

  private final TypeSerializer<T> valueSerializer;
  private final TypeSerializer<DeadLetter> deadLetterSerializer;

  public ConsumedSerializer(
      TypeSerializer<T> valueSerializer, TypeSerializer<DeadLetter> deadLetterSerializer) {
    this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    this.deadLetterSerializer =
        Objects.requireNonNull(deadLetterSerializer, "deadLetterSerializer");
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<Consumed<T>> duplicate() {
    TypeSerializer<T> value = valueSerializer.duplicate();
    TypeSerializer<DeadLetter> letter = deadLetterSerializer.duplicate();
    return value == valueSerializer && letter == deadLetterSerializer
        ? this
        : new ConsumedSerializer<>(value, letter);
  }

  @Override
  public Consumed<T> createInstance() {
    return new Consumed<>();
  }

  @Override
  public Consumed<T> copy(Consumed<T> from) {
    Consumed<T> copy = new Consumed<>();
    copy.value = from.value == null ? null : valueSerializer.copy(from.value);
    copy.deadLetter = from.deadLetter == null ? null : deadLetterSerializer.copy(from.deadLetter);
    copy.partition = from.partition;
    copy.offset = from.offset;
    return copy;
  }

  @Override
  public Consumed<T> copy(Consumed<T> from, Consumed<T> reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Consumed<T> record, DataOutputView target) throws IOException {
    if (record.deadLetter != null) {
      target.writeByte(DEAD_LETTER);
      deadLetterSerializer.serialize(record.deadLetter, target);
    } else {
      target.writeByte(VALUE);
      valueSerializer.serialize(record.value, target);
    }
    target.writeInt(record.partition);
    target.writeLong(record.offset);
  }

  @Override
  public Consumed<T> deserialize(DataInputView source) throws IOException {
    Consumed<T> record = new Consumed<>();
    byte tag = source.readByte();
    if (tag == DEAD_LETTER) {
      record.deadLetter = deadLetterSerializer.deserialize(source);
    } else if (tag == VALUE) {
      record.value = valueSerializer.deserialize(source);
    } else {
      throw new IOException("corrupt Consumed record: tag " + tag);
    }
    record.partition = source.readInt();
    record.offset = source.readLong();
    return record;
  }

  @Override
  public Consumed<T> deserialize(Consumed<T> reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    byte tag = source.readByte();
    target.writeByte(tag);
    if (tag == DEAD_LETTER) {
      deadLetterSerializer.copy(source, target);
    } else {
      valueSerializer.copy(source, target);
    }
    target.writeInt(source.readInt());
    target.writeLong(source.readLong());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsumedSerializer<?> other
        && valueSerializer.equals(other.valueSerializer)
        && deadLetterSerializer.equals(other.deadLetterSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * valueSerializer.hashCode() + deadLetterSerializer.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<Consumed<T>> snapshotConfiguration() {
    return new Snapshot<>(this);
  }

  /** Restores the serializer from a checkpoint or savepoint: its two nested serializers. */
  public static final class Snapshot<T>
      extends CompositeTypeSerializerSnapshot<Consumed<T>, ConsumedSerializer<T>> {

    private static final int VERSION = 1;

    /** For reading a snapshot. */
    public Snapshot() {}

    Snapshot(ConsumedSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return VERSION;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(ConsumedSerializer<T> outer) {
      return new TypeSerializer<?>[] {outer.valueSerializer, outer.deadLetterSerializer};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ConsumedSerializer<T> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new ConsumedSerializer<>(
          (TypeSerializer<T>) nested[0], (TypeSerializer<DeadLetter>) nested[1]);
    }
  }
}
