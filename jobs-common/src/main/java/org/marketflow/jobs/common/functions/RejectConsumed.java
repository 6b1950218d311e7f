package org.marketflow.jobs.common.functions;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * The dead letter of a record rejected after it was consumed (a trade too late for its bar, say),
 * with one stage and reason for every record of the stream, made by {@link ConsumedRejects}.
 * Counted in the metric named by {@code counter}.
 */
public class RejectConsumed<T extends SpecificRecordBase>
    extends RichMapFunction<Consumed<T>, DeadLetter> {

  private final ConsumedRejects<T> rejects;
  private final String stage;
  private final String reason;
  private final String counterName;
  private transient Counter counter;

  public RejectConsumed(
      TopicSpec<T> topic, String stage, String reason, String counterName, DeadLetters letters) {
    this.rejects = new ConsumedRejects<>(topic, letters);
    this.stage = stage;
    this.reason = reason;
    this.counterName = counterName;
  }

  @Override
  public void open(OpenContext openContext) {
    counter = getRuntimeContext().getMetricGroup().counter(counterName);
  }

  @Override
  public DeadLetter map(Consumed<T> consumed) {
    counter.inc();
    return rejects.of(stage, reason, consumed.value, consumed.partition, consumed.offset);
  }
}
