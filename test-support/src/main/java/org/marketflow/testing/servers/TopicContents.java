package org.marketflow.testing.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.marketflow.schemas.avro.AvroCodec;

/**
 * Everything committed to a topic so far, read from the beginning to the end offsets taken when the
 * read starts. Reads {@code read_committed}, as consumers of the jobs' transactional sinks do; ends
 * when every partition is read to its end offset (transaction markers included), not after a
 * guessed number of records.
 */
public final class TopicContents {

  private TopicContents() {}

  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      String bootstrapServers, String topic, Duration timeout) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!atEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to " + end + " within " + timeout);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * Everything committed to a topic of {@code type} records so far (see {@link #readAll}), decoded
   * as the jobs decode it.
   *
   * @throws IOException when a value is not a {@code type} record
   */
  public static <T extends SpecificRecordBase> List<T> readAll(
      String bootstrapServers, String topic, Class<T> type, Duration timeout) throws IOException {
    AvroCodec<T> codec = AvroCodec.of(type);
    List<T> records = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(bootstrapServers, topic, timeout)) {
      records.add(codec.decode(record.value()));
    }
    return records;
  }

  private static boolean atEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
