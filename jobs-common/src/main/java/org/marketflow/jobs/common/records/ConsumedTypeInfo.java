package org.marketflow.jobs.common.records;

import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.marketflow.schemas.avro.DeadLetter;

/** The Flink type of {@link Consumed}{@code <T>}, serialized by {@link ConsumedSerializer}. */
public final class ConsumedTypeInfo<T> extends OpaqueTypeInfo<Consumed<T>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> valueType;

  /** Writes the values in place of {@code valueType}'s own serializer; null for that one. */
  private final TypeSerializer<T> valueSerializer;

  public ConsumedTypeInfo(TypeInformation<T> valueType) {
    this(valueType, null);
  }

  /**
   * @param valueSerializer a faster serializer for the values than {@code valueType}'s own
   */
  public ConsumedTypeInfo(TypeInformation<T> valueType, TypeSerializer<T> valueSerializer) {
    this.valueType = Objects.requireNonNull(valueType, "valueType");
    this.valueSerializer = valueSerializer;
  }

  public TypeInformation<T> valueType() {
    return valueType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Consumed<T>> getTypeClass() {
    return (Class) Consumed.class;
  }

  @Override
  public Map<String, TypeInformation<?>> getGenericParameters() {
    return Map.of("T", valueType);
  }

  @Override
  public TypeSerializer<Consumed<T>> createSerializer(SerializerConfig config) {
    return new ConsumedSerializer<>(
        valueSerializer != null ? valueSerializer : valueType.createSerializer(config),
        TypeInformation.of(DeadLetter.class).createSerializer(config));
  }

  @Override
  public String toString() {
    return "Consumed<" + valueType + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsumedTypeInfo<?> other
        && other.canEqual(this)
        && valueType.equals(other.valueType)
        && Objects.equals(valueSerializer, other.valueSerializer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ConsumedTypeInfo.class, valueType, valueSerializer);
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof ConsumedTypeInfo;
  }
}
