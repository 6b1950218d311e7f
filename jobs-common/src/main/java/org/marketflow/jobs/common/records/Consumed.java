package org.marketflow.jobs.common.records;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;

/**
 * A record as a job consumed it from Kafka: the decoded and checked value, or the dead letter of a
 * record that would not decode or failed its check, with the partition and offset it was read at.
 * The position travels with the value so that a stage rejecting it later (a trade too late for its
 * bar, say) can still say where it came from.
 *
 * <p>{@link #typeInfo} gives its Flink type, which Flink cannot infer for a generic class; {@link
 * ConsumedSerializer} writes it.
 *
 * @param <T> the value's record type
 */
public final class Consumed<T> {

  /** The value; {@code null} when rejected. */
  public T value;

  /** Why the record was rejected; {@code null} when it was not. */
  public DeadLetter deadLetter;

  public int partition;
  public long offset;

  public Consumed() {}

  public static <T> Consumed<T> of(T value, int partition, long offset) {
    Consumed<T> consumed = new Consumed<>();
    consumed.value = value;
    consumed.partition = partition;
    consumed.offset = offset;
    return consumed;
  }

  public static <T> Consumed<T> rejected(DeadLetter deadLetter, int partition, long offset) {
    Consumed<T> consumed = new Consumed<>();
    consumed.deadLetter = deadLetter;
    consumed.partition = partition;
    consumed.offset = offset;
    return consumed;
  }

  public boolean isRejected() {
    return deadLetter != null;
  }

  /**
   * The Flink type of {@code Consumed<T>} for records of {@code valueType}; trades, the most
   * numerous records, are written by {@link TradeSerializer}.
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<Consumed<T>> typeInfo(Class<T> valueType) {
    if (valueType == Trade.class) {
      return new ConsumedTypeInfo<>(
          TypeInformation.of(valueType), (TypeSerializer<T>) TradeSerializer.INSTANCE);
    }
    return new ConsumedTypeInfo<>(TypeInformation.of(valueType));
  }

  @Override
  public String toString() {
    return (deadLetter == null ? String.valueOf(value) : "rejected " + deadLetter)
        + " @"
        + partition
        + ":"
        + offset;
  }
}
