package org.marketflow.jobs.common.records;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The Flink type of a class written by a hand-made serializer: Flink has no public type that takes
 * a serializer, and its fallback for a plain class is Kryo, which writes class names and reflects.
 *
 * @param <T> the record type
 */
public final class SerializerTypeInfo<T> extends OpaqueTypeInfo<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final TypeSerializer<T> serializer;

  public SerializerTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
    this.type = Objects.requireNonNull(type, "type");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.duplicate();
  }

  @Override
  public String toString() {
    return type.getSimpleName() + "(" + serializer.getClass().getSimpleName() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializerTypeInfo<?> other
        && other.canEqual(this)
        && type.equals(other.type)
        && serializer.equals(other.serializer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(SerializerTypeInfo.class, type, serializer);
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof SerializerTypeInfo;
  }
}
