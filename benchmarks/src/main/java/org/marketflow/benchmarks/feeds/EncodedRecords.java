package org.marketflow.benchmarks.feeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * A feed output that keeps each record as the Kafka record {@code NormalizedPublisher} would send
 * for it (topic, key, timestamp and Avro value from the record's {@link TopicSpec}), so the raw
 * producer rate is measured on exactly the records a replay publishes, already encoded.
 */
public final class EncodedRecords implements FeedOutput {

  private final boolean keep;
  private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
  private final Map<Class<?>, AvroCodec<?>> codecs = new HashMap<>();
  private long count;

  private EncodedRecords(boolean keep) {
    this.keep = keep;
  }

  /** Keeps every record, for {@link #records()}. */
  public static EncodedRecords kept() {
    return new EncodedRecords(true);
  }

  /** Encodes every record as the publisher does, and drops it: a replay's cost without Kafka. */
  public static EncodedRecords dropped() {
    return new EncodedRecords(false);
  }

  /** The records kept so far, in order; empty when {@link #dropped()}. */
  public List<ProducerRecord<byte[], byte[]>> records() {
    return List.copyOf(records);
  }

  /** How many records were encoded. */
  public long count() {
    return count;
  }

  @Override
  public void trade(Trade trade) {
    add(TopicSpec.TRADES, trade);
  }

  @Override
  public void quote(Quote quote) {
    add(TopicSpec.QUOTES, quote);
  }

  @Override
  public void book(BookUpdate update) {
    add(TopicSpec.BOOK, update);
  }

  @Override
  public void status(FeedStatus status) {
    add(TopicSpec.STATUS, status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    add(TopicSpec.DEAD_LETTERS, DeadLetters.DEFAULT.of(stage, reason, origin, atUs, raw));
  }

  private <T extends SpecificRecordBase> void add(TopicSpec<T> topic, T record) {
    ProducerRecord<byte[], byte[]> encoded =
        new ProducerRecord<>(
            topic.name(),
            null,
            topic.timestampMs(record),
            topic.keyBytes(record),
            codec(topic).encode(record));
    count++;
    if (keep) {
      records.add(encoded);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecordBase> AvroCodec<T> codec(TopicSpec<T> topic) {
    return (AvroCodec<T>) codecs.computeIfAbsent(topic.type(), type -> AvroCodec.of(topic.type()));
  }
}
