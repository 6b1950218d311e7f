package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.marketflow.jobs.common.records.Consumed;

/** Runs a {@link ConsumedDeserializer} on one Kafka record, without a broker. */
final class Deserializing {

  /** The Kafka timestamp of every record here, in milliseconds. */
  static final long TIMESTAMP_MS = 1_000L;

  private Deserializing() {}

  static <T> ConsumedDeserializer<T> opened(ConsumedDeserializer<T> deserializer) {
    deserializer.open(new TestContext());
    return deserializer;
  }

  /** What the deserializer emits for {@code value} read at {@code topic}, partition, offset. */
  static <T> Consumed<T> consume(
      ConsumedDeserializer<T> deserializer,
      String topic,
      int partition,
      long offset,
      byte[] value) {
    List<Consumed<T>> out = consumeAll(deserializer, topic, partition, offset, TIMESTAMP_MS, value);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  /** Everything the deserializer emits for a record with this Kafka timestamp: one or none. */
  static <T> List<Consumed<T>> consumeAll(
      ConsumedDeserializer<T> deserializer,
      String topic,
      int partition,
      long offset,
      long timestampMs,
      byte[] value) {
    List<Consumed<T>> out = new ArrayList<>();
    deserializer.deserialize(
        new ConsumerRecord<byte[], byte[]>(
            topic,
            partition,
            offset,
            timestampMs,
            TimestampType.CREATE_TIME,
            0,
            value == null ? -1 : value.length,
            null,
            value,
            new RecordHeaders(),
            Optional.empty()),
        new Collector<>() {
          @Override
          public void collect(Consumed<T> record) {
            out.add(record);
          }

          @Override
          public void close() {}
        });
    return out;
  }

  private static final class TestContext implements DeserializationSchema.InitializationContext {
    @Override
    public MetricGroup getMetricGroup() {
      return new UnregisteredMetricsGroup();
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
  }
}
