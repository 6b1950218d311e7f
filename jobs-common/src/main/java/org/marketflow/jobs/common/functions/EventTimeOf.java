package org.marketflow.jobs.common.functions;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.kafka.RecordTime;

/**
 * Event time is the record's own time, in milliseconds. A dead letter gets the lowest timestamp, so
 * a bad record can never drag the watermark forward and make later records late.
 */
public class EventTimeOf<T> implements SerializableTimestampAssigner<Consumed<T>> {

  private final RecordTime<T> eventTime;

  public EventTimeOf(RecordTime<T> eventTime) {
    this.eventTime = eventTime;
  }

  @Override
  public long extractTimestamp(Consumed<T> consumed, long recordTimestamp) {
    return consumed.isRejected() ? Long.MIN_VALUE : eventTime.micros(consumed.value) / 1_000L;
  }
}
