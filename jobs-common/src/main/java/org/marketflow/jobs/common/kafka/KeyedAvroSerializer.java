package org.marketflow.jobs.common.kafka;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.kafka.TopicSpec;

/** Writes records to a topic laid out as its {@link TopicSpec} says: Avro, key, event time. */
public class KeyedAvroSerializer<T extends SpecificRecordBase>
    implements KafkaRecordSerializationSchema<T> {

  private final TopicSpec<T> topic;
  private transient AvroCodec<T> codec;

  public KeyedAvroSerializer(TopicSpec<T> topic) {
    this.topic = topic;
  }

  @Override
  public void open(
      SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
    codec = AvroCodec.of(topic.type());
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        topic.name(),
        null,
        topic.timestampMs(element),
        topic.keyBytes(element),
        codec.encode(element));
  }
}
