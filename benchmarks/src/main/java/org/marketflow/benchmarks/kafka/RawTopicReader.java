package org.marketflow.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling: how fast plain {@link KafkaConsumer}s read the topic from the beginning to the given
 * end offsets, doing nothing but count records and bytes. It uses as many consumers, each on its
 * own thread, as the Flink jobs have source readers, with the consumer defaults the Flink Kafka
 * source uses too.
 */
public final class RawTopicReader {

  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  /**
   * What the consumers read.
   *
   * @param wall from creating the consumers to the last record counted
   * @param fromFirstRecord from the first poll that returned records (of any consumer) to the last
   *     record counted: the read without the consumers' start (connecting, metadata, the first
   *     fetch), which dominates {@code wall} on a small topic
   */
  public record Read(long records, long bytes, Duration wall, Duration fromFirstRecord) {}

  /** One consumer's count; when (System.nanoTime) it received its first and counted its last. */
  private record Count(long records, long bytes, long firstNanos, long lastNanos) {}

  private RawTopicReader() {}

  /** Reads every partition to {@code endOffsets}; the time runs from creating the consumers. */
  public static Read read(
      String bootstrapServers, Map<TopicPartition, Long> endOffsets, int consumers)
      throws InterruptedException {
    List<List<TopicPartition>> assignments = assignRoundRobin(endOffsets, consumers);
    ExecutorService threads = Executors.newFixedThreadPool(assignments.size());
    try {
      long start = System.nanoTime();
      List<Future<Count>> counts = new ArrayList<>();
      for (List<TopicPartition> assignment : assignments) {
        counts.add(threads.submit(() -> readToEnd(bootstrapServers, assignment, endOffsets)));
      }
      long records = 0;
      long bytes = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Future<Count> count : counts) {
        Count c = count.get();
        records += c.records();
        bytes += c.bytes();
        if (c.records() > 0) {
          first = Math.min(first, c.firstNanos());
          last = Math.max(last, c.lastNanos());
        }
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      return new Read(
          records, bytes, wall, records == 0 ? Duration.ZERO : Duration.ofNanos(last - first));
    } catch (ExecutionException e) {
      throw new IllegalStateException("raw read of the topic failed", e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** Partition i goes to consumer i mod n, as the Flink source spreads splits over readers. */
  static List<List<TopicPartition>> assignRoundRobin(
      Map<TopicPartition, Long> endOffsets, int consumers) {
    List<TopicPartition> partitions =
        endOffsets.keySet().stream()
            .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
            .toList();
    int n = Math.min(consumers, partitions.size());
    List<List<TopicPartition>> assignments = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assignments.add(new ArrayList<>());
    }
    for (int i = 0; i < partitions.size(); i++) {
      assignments.get(i % n).add(partitions.get(i));
    }
    return assignments;
  }

  /** A consumer of raw bytes at the beginning of {@code partitions}; it commits nothing. */
  public static KafkaConsumer<byte[], byte[]> fromBeginning(
      String bootstrapServers, List<TopicPartition> partitions) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static Count readToEnd(
      String bootstrapServers,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> endOffsets) {
    long records = 0;
    long bytes = 0;
    long first = 0;
    long last = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(bootstrapServers, partitions)) {
      List<TopicPartition> unfinished = new ArrayList<>(partitions);
      while (!unfinished.isEmpty()) {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL_TIMEOUT);
        if (records == 0 && !polled.isEmpty()) {
          first = System.nanoTime(); // the first records received
        }
        long counted = records;
        for (TopicPartition partition : partitions) {
          long end = endOffsets.get(partition);
          for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
            // Records appended after the end offsets were taken are not part of the benchmark.
            if (record.offset() < end) {
              records++;
              bytes += record.serializedKeySize() + record.serializedValueSize();
            }
          }
        }
        if (records > counted) {
          last = System.nanoTime();
        }
        unfinished.removeIf(tp -> consumer.position(tp) >= endOffsets.get(tp));
        consumer.pause(partitions.stream().filter(tp -> !unfinished.contains(tp)).toList());
      }
    }
    return new Count(records, bytes, first, last);
  }
}
