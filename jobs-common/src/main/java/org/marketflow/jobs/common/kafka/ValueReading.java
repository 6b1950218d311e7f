package org.marketflow.jobs.common.kafka;

import java.io.Serializable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.function.SerializableSupplier;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.records.ConsumedTypeInfo;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.kafka.RecordTime;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * What a Kafka source makes of a topic's value bytes: the whole Avro record ({@link #avro}), or
 * less, such as the leading fields of a record whose rest a later operator decodes.
 *
 * @param typeName the Avro record the bytes hold, for a dead letter's reason ("not an Avro ...")
 * @param readers a new reader for each source thread
 * @param eventTime the value's event time, epoch µs
 * @param receiveTime the value's local receive time, epoch µs; {@code null} for a derived topic's
 * @param consumedType the Flink type of the values, consumed
 * @param <V> what the source emits of a value
 */
public record ValueReading<V>(
    String typeName,
    SerializableSupplier<Reader<V>> readers,
    RecordTime<V> eventTime,
    RecordTime<V> receiveTime,
    TypeInformation<Consumed<V>> consumedType)
    implements Serializable {

  /** Reads one value; not shared between threads. */
  @FunctionalInterface
  public interface Reader<V> {

    /**
     * @throws Exception when the bytes are not a value of the topic
     */
    V read(byte[] bytes) throws Exception;
  }

  /** The whole record of {@code topic}'s type, decoded by {@link AvroCodec}. */
  public static <T extends SpecificRecordBase> ValueReading<T> avro(TopicSpec<T> topic) {
    Class<T> type = topic.type();
    return new ValueReading<>(
        type.getSimpleName(),
        () -> AvroCodec.of(type)::decode,
        topic.eventTime(),
        topic.receiveTime(),
        Consumed.typeInfo(type));
  }

  /**
   * A book update's leading fields, its Avro bytes kept whole ({@link EncodedBookUpdate}): a record
   * whose header reads is passed on, whatever its body holds, for the operator that decodes the
   * body to judge.
   */
  public static ValueReading<EncodedBookUpdate> bookHeaders() {
    return new ValueReading<>(
        BookUpdate.class.getSimpleName(),
        () -> new EncodedBookUpdate.Reader()::read,
        update -> update.exchangeTimeUs,
        update -> update.receiveTimeUs,
        new ConsumedTypeInfo<>(TypeInformation.of(EncodedBookUpdate.class)));
  }
}
