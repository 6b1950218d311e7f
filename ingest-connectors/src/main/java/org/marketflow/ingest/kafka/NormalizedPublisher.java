package org.marketflow.ingest.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.Topics;

/**
 * Publishes normalized records the way every topic of the suite expects them: Avro binary, keyed by
 * instrument (one instrument stays in one partition, in order), stamped with the venue's event
 * time. Idempotent producer with acks=all, so a retry never duplicates or reorders a record.
 */
public final class NormalizedPublisher implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final String tradesTopic;
  private final String deadLettersTopic;
  private final AvroCodec<Trade> trades = AvroCodec.of(Trade.class);
  private final AvroCodec<DeadLetter> deadLetters = AvroCodec.of(DeadLetter.class);
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback onFailure =
      (metadata, exception) -> {
        if (exception != null) {
          failure.compareAndSet(null, exception);
        }
      };

  public NormalizedPublisher(String bootstrapServers, String tradesTopic, String deadLettersTopic) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.tradesTopic = tradesTopic;
    this.deadLettersTopic = deadLettersTopic;
  }

  public NormalizedPublisher(String bootstrapServers) {
    this(bootstrapServers, Topics.TRADES, Topics.DEAD_LETTERS);
  }

  public void publish(Trade trade) {
    throwIfFailed();
    producer.send(
        new ProducerRecord<>(
            tradesTopic,
            null,
            trade.getExchangeTimeUs() / 1_000L,
            trade.getInstrument().getBytes(StandardCharsets.UTF_8),
            trades.encode(trade)),
        onFailure);
  }

  public void publish(DeadLetter deadLetter) {
    throwIfFailed();
    producer.send(
        new ProducerRecord<>(
            deadLettersTopic,
            null,
            Math.max(0L, deadLetter.getRejectedAtUs() / 1_000L),
            deadLetter.getStage().getBytes(StandardCharsets.UTF_8),
            deadLetters.encode(deadLetter)),
        onFailure);
  }

  /** Builds a dead letter for something read outside Kafka (a file line, a socket message). */
  public static DeadLetter deadLetter(
      String stage, String reason, String source, long position, long atUs, byte[] raw) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setSourceTopic(source)
        .setSourceOffset(position)
        .setRejectedAtUs(atUs)
        .setRaw(ByteBuffer.wrap(raw))
        .build();
  }

  /** Waits until everything sent so far is acknowledged. */
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
