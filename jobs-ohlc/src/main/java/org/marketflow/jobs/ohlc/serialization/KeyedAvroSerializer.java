package org.marketflow.jobs.ohlc.serialization;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.marketflow.schemas.avro.AvroCodec;

/**
 * Writes Avro records to one topic, keyed by a UTF-8 string (the instrument, for bars) and stamped
 * with an event time, the way every topic of the suite is laid out.
 */
public class KeyedAvroSerializer<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {

  private final String topic;
  private final Class<T> type;
  private final SerializableFunction<T, String> key;
  private final SerializableFunction<T, Long> timestampMs;
  private transient AvroCodec<T> codec;

  public KeyedAvroSerializer(
      String topic,
      Class<T> type,
      SerializableFunction<T, String> key,
      SerializableFunction<T, Long> timestampMs) {
    this.topic = topic;
    this.type = type;
    this.key = key;
    this.timestampMs = timestampMs;
  }

  @Override
  public void open(
      SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    codec = AvroCodec.of(type);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    String k = key.apply(element);
    return new ProducerRecord<>(
        topic,
        null,
        timestampMs.apply(element),
        k == null ? null : k.getBytes(StandardCharsets.UTF_8),
        codec.encode(element));
  }
}
