package org.marketflow.ingest.pariflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the engine's two topics and hands every record to a {@link PariflowFeed}, which publishes
 * through the given {@link FeedOutput} (a {@link NormalizedPublisher} in production).
 *
 * <p><b>At least once.</b> Offsets are committed (to {@code groupId}) only after {@code flush} has
 * returned, i.e. after everything the records produced is acknowledged; a crash re-reads from the
 * last commit. Re-read records become the same records again (their receive time is the engine
 * record's Kafka timestamp, not the clock), so a repeat is byte-identical; within one run, repeated
 * trade ids are dropped. After a restart each book waits for a snapshot, which the feed requests.
 *
 * <p>Live ({@link #run()}), an instrument silent for {@link #STALE_AFTER} once the bridge has
 * caught up gets a {@code STALE} status; {@link #runToEnd()} publishes none of these, nor {@code
 * CONNECTED}/{@code DISCONNECTED}, so its output depends on the records alone.
 *
 * <p>One bridge reads every partition of both topics (manual assignment: the books' state lives in
 * this process). Not thread-safe, except {@link #stop()}.
 */
public final class PariflowBridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PariflowBridge.class);

  /** How long one poll waits for records. */
  static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

  /** A book or trade stream silent this long gets a {@code STALE} status. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(1);

  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PariflowTopics topics;
  private final PariflowFeed feed;
  private final Runnable flush;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private volatile boolean stopped;
  private long records;

  /**
   * @param groupId the consumer group whose committed offsets say where to resume (from the
   *     earliest offset when it has none)
   * @param out where the normalized records go
   * @param flush returns once everything given to {@code out} so far is durably published
   * @param resync how to ask the engine for a fresh book snapshot
   */
  public PariflowBridge(
      String bootstrapServers,
      String groupId,
      PariflowTopics topics,
      FeedOutput out,
      Runnable flush,
      ResyncRequests resync) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.flush = Objects.requireNonNull(flush, "flush");
    this.feed = new PariflowFeed(out, PariflowFeed.STAGE, resync);
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "groupId"));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Publishes to {@code publisher}, flushing it before every commit. */
  public static PariflowBridge toPublisher(
      String bootstrapServers,
      String groupId,
      PariflowTopics topics,
      NormalizedPublisher publisher,
      ResyncRequests resync) {
    return new PariflowBridge(
        bootstrapServers, groupId, topics, publisher, publisher::flush, resync);
  }

  /** Runs until {@link #stop()}. */
  public void run() {
    loop(false);
  }

  /**
   * Runs until every partition is read to the end offset it had when this call started (a test, a
   * catch-up); returns the number of records read.
   */
  public long runToEnd() {
    return loop(true);
  }

  /** Makes {@link #run()} return after the batch in hand; callable from any thread. */
  public void stop() {
    stopped = true;
    consumer.wakeup();
  }

  private long loop(boolean bounded) {
    assign();
    Map<TopicPartition, Long> end = bounded ? consumer.endOffsets(partitions) : Map.of();
    if (!bounded) {
      feed.connected(nowUs());
    }
    String reason = "bridge stopped";
    try {
      while (!stopped && !(bounded && atEnd(end))) {
        ConsumerRecords<byte[], byte[]> batch;
        try {
          batch = consumer.poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
          break;
        }
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          feed.onMessage(message(record));
          next.put(
              new TopicPartition(record.topic(), record.partition()),
              new OffsetAndMetadata(record.offset() + 1));
          records++;
        }
        if (batch.isEmpty() && !bounded) {
          // caught up: silence now is the engine's (the clock is compared with the receive
          // times, which are the records' timestamps)
          feed.checkStale(nowUs(), STALE_AFTER.toNanos() / 1_000L);
        }
        if (!next.isEmpty()) {
          flush.run();
          consumer.commitSync(next);
        }
      }
    } catch (RuntimeException e) {
      reason = "failed: " + e.getMessage();
      throw e;
    } finally {
      if (!bounded) {
        feed.disconnected(nowUs(), reason);
      }
      try {
        flush.run();
      } catch (RuntimeException e) {
        LOG.warn("could not flush the DISCONNECTED statuses: {}", e.getMessage());
      }
    }
    return records;
  }

  private void assign() {
    if (!partitions.isEmpty()) {
      return;
    }
    for (String topic : topics.all()) {
      consumer
          .partitionsFor(topic, METADATA_TIMEOUT)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    LOG.info("reading {} partitions of {}", partitions.size(), topics.all());
  }

  private boolean atEnd(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /**
   * The record as a message: its value, received at its Kafka timestamp (the engine's produce time;
   * the clock when it has none), from its topic, partition and offset.
   */
  static RawMessage message(ConsumerRecord<byte[], byte[]> record) {
    long receiveMs = record.timestamp() >= 0 ? record.timestamp() : System.currentTimeMillis();
    return new RawMessage(
        record.value() == null ? new byte[0] : record.value(),
        receiveMs * 1_000_000L,
        RecordOrigin.kafka(record.topic(), record.partition(), record.offset()));
  }

  /** Records read so far. */
  public long records() {
    return records;
  }

  /** The feed, for its books. */
  public PariflowFeed feed() {
    return feed;
  }

  private static long nowUs() {
    return System.currentTimeMillis() * 1_000L;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
