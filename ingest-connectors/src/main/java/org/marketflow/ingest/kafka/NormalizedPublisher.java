package org.marketflow.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.schemas.kafka.Topics;

/**
 * Publishes normalized records the way their {@link TopicSpec} lays them out: Avro binary, keyed by
 * instrument (one instrument stays in one partition, in order), stamped with the venue's event
 * time. Idempotent producer with acks=all, so a retry never duplicates or reorders a record. Not
 * thread-safe: one publisher per thread.
 */
public final class NormalizedPublisher implements FeedOutput, AutoCloseable {

  /**
   * How long the producer waits for a batch to fill unless told otherwise: batches big enough for a
   * replay's rate, at up to 5 ms (2.5 ms on average) added to each record's latency.
   */
  public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);

  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<String, String> topicNames;
  private final DeadLetters deadLetters;
  private final Map<Class<?>, AvroCodec<?>> codecs = new HashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile LongConsumer acknowledged;
  private final Callback onFailure =
      (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, exception);
        }
      };

  /**
   * @param topicNames the topic to use instead of a spec's own name, by its name (e.g. a test's own
   *     topic for {@link Topics#TRADES}); specs not named here keep their name
   */
  public NormalizedPublisher(
      String bootstrapServers, Map<String, String> topicNames, DeadLetters deadLetters) {
    this(bootstrapServers, topicNames, deadLetters, DEFAULT_LINGER);
  }

  /**
   * @param linger how long the producer waits for a batch to fill (Kafka's {@code linger.ms}): less
   *     than the default takes latency off each record for more, smaller produce requests, a gain
   *     only where the handler and the broker have CPU to spare
   */
  public NormalizedPublisher(
      String bootstrapServers,
      Map<String, String> topicNames,
      DeadLetters deadLetters,
      Duration linger) {
    this.producer =
        new KafkaProducer<>(
            producerConfig(bootstrapServers, linger),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.topicNames = Map.copyOf(topicNames);
    this.deadLetters = deadLetters;
  }

  /**
   * The producer settings every publisher uses: idempotent, acks=all, lz4, 256 KiB batches with the
   * {@link #DEFAULT_LINGER}.
   */
  public static Map<String, Object> producerConfig(String bootstrapServers) {
    return producerConfig(bootstrapServers, DEFAULT_LINGER);
  }

  /**
   * The same settings with {@code linger} instead of the default.
   *
   * @throws IllegalArgumentException if {@code linger} is negative or not whole milliseconds
   */
  public static Map<String, Object> producerConfig(String bootstrapServers, Duration linger) {
    if (linger.isNegative() || linger.toNanos() % 1_000_000L != 0) {
      throw new IllegalArgumentException(
          "the producer's linger must be whole milliseconds, 0 or more, not " + linger);
    }
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.LINGER_MS_CONFIG,
        (int) linger.toMillis(),
        ProducerConfig.BATCH_SIZE_CONFIG,
        256 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4");
  }

  /** Publishes to the suite's own topics. */
  public NormalizedPublisher(String bootstrapServers) {
    this(bootstrapServers, Map.of(), DeadLetters.DEFAULT);
  }

  /** Publishes trades and dead letters to these topics, the rest to the suite's own. */
  public NormalizedPublisher(String bootstrapServers, String tradesTopic, String deadLettersTopic) {
    this(
        bootstrapServers,
        Map.of(Topics.TRADES, tradesTopic, Topics.DEAD_LETTERS, deadLettersTopic),
        DeadLetters.DEFAULT);
  }

  /** Publishes a trade to the trades topic. */
  public void publish(Trade trade) {
    publish(TopicSpec.TRADES, trade);
  }

  @Override
  public void trade(Trade trade) {
    publish(TopicSpec.TRADES, trade, trade.getReceiveTimeUs());
  }

  @Override
  public void quote(Quote quote) {
    publish(TopicSpec.QUOTES, quote, quote.getReceiveTimeUs());
  }

  @Override
  public void book(BookUpdate update) {
    publish(TopicSpec.BOOK, update, update.getReceiveTimeUs());
  }

  @Override
  public void status(FeedStatus status) {
    publish(TopicSpec.STATUS, status, status.getReceiveTimeUs());
  }

  /**
   * Calls {@code listener} with each published record's receive time (epoch microseconds) once
   * Kafka acknowledges it, on the producer's thread: the receive-to-acknowledgement latency.
   */
  public NormalizedPublisher onAcknowledged(LongConsumer listener) {
    this.acknowledged = listener;
    return this;
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    publishDeadLetter(stage, reason, origin, atUs, raw);
  }

  /** Publishes {@code record} to {@code topic} (or the topic it is mapped to). */
  public <T extends SpecificRecordBase> void publish(TopicSpec<T> topic, T record) {
    send(topic, record, onFailure);
  }

  private <T extends SpecificRecordBase> void publish(
      TopicSpec<T> topic, T record, long receiveTimeUs) {
    LongConsumer listener = acknowledged;
    send(
        topic,
        record,
        listener == null
            ? onFailure
            : (metadata, exception) -> {
              onFailure.onCompletion(metadata, exception);
              if (exception == null) {
                listener.accept(receiveTimeUs);
              }
            });
  }

  private <T extends SpecificRecordBase> void send(
      TopicSpec<T> topic, T record, Callback callback) {
    throwIfFailed();
    producer.send(
        new ProducerRecord<>(
            topicNames.getOrDefault(topic.name(), topic.name()),
            null,
            topic.timestampMs(record),
            topic.keyBytes(record),
            codec(topic).encode(record)),
        callback);
  }

  /**
   * Publishes the dead letter of something read outside Kafka (a file line, a socket message) with
   * its exact bytes, cut to fit the topic when too large.
   */
  public void publishDeadLetter(
      String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    DeadLetter letter = deadLetters.of(stage, reason, origin, atUs, raw);
    publish(TopicSpec.DEAD_LETTERS, letter);
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecordBase> AvroCodec<T> codec(TopicSpec<T> topic) {
    return (AvroCodec<T>) codecs.computeIfAbsent(topic.type(), type -> AvroCodec.of(topic.type()));
  }

  /** Waits until everything sent so far is acknowledged. */
  @Override
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("publishing to Kafka failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
