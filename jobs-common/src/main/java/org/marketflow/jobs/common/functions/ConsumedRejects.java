package org.marketflow.jobs.common.functions;

import java.io.Serializable;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.util.Preconditions;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Dead letters of records of one topic rejected after they were consumed (a trade too late for its
 * bar, a book delta for a book the job does not hold): the topic, partition and offset the record
 * was read at, its event time, and the record encoded again, which gives the bytes it was read as
 * (plain Avro binary of one schema has one encoding). Serializable, for a function to hold; the
 * codec is made on first use.
 */
public final class ConsumedRejects<T extends SpecificRecordBase> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TopicSpec<T> topic;
  private final DeadLetters deadLetters;
  private transient AvroCodec<T> codec;

  public ConsumedRejects(TopicSpec<T> topic, DeadLetters deadLetters) {
    this.topic = Preconditions.checkNotNull(topic, "topic");
    this.deadLetters = Preconditions.checkNotNull(deadLetters, "deadLetters");
  }

  /** The dead letter of {@code value}, read at {@code partition} and {@code offset}. */
  public DeadLetter of(String stage, String reason, T value, int partition, long offset) {
    if (codec == null) {
      codec = AvroCodec.of(topic.type());
    }
    return of(
        stage, reason, codec.encode(value), topic.eventTime().micros(value), partition, offset);
  }

  /**
   * The dead letter of a record read as {@code raw} at {@code partition} and {@code offset}, of
   * event time {@code atUs}: for a record kept as its bytes, decoded or not.
   */
  public DeadLetter of(
      String stage, String reason, byte[] raw, long atUs, int partition, long offset) {
    return deadLetters.of(
        stage, reason, RecordOrigin.kafka(topic.name(), partition, offset), atUs, raw);
  }

  public TopicSpec<T> topic() {
    return topic;
  }
}
