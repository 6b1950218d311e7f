package org.marketflow.jobs.common.functions;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordOrigin;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * The dead letter of a record rejected after it was consumed (a trade too late for its bar, say):
 * the stage, the reason, the topic, partition and offset it was read at, and the record encoded
 * again, which gives the bytes it was read as (plain Avro binary of one schema has one encoding).
 * Counted in the metric named by {@code counter}.
 */
public class RejectConsumed<T extends SpecificRecordBase>
    extends RichMapFunction<Consumed<T>, DeadLetter> {

  private final TopicSpec<T> topic;
  private final String stage;
  private final String reason;
  private final String counterName;
  private final DeadLetters deadLetters;
  private transient AvroCodec<T> codec;
  private transient Counter counter;

  public RejectConsumed(
      TopicSpec<T> topic, String stage, String reason, String counterName, DeadLetters letters) {
    this.topic = topic;
    this.stage = stage;
    this.reason = reason;
    this.counterName = counterName;
    this.deadLetters = letters;
  }

  @Override
  public void open(OpenContext openContext) {
    codec = AvroCodec.of(topic.type());
    counter = getRuntimeContext().getMetricGroup().counter(counterName);
  }

  @Override
  public DeadLetter map(Consumed<T> consumed) {
    counter.inc();
    return deadLetters.of(
        stage,
        reason,
        RecordOrigin.kafka(topic.name(), consumed.partition, consumed.offset),
        topic.eventTime().micros(consumed.value),
        codec.encode(consumed.value));
  }
}
