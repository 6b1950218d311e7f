package org.marketflow.jobs.common.validation;

import java.time.Duration;
import org.marketflow.schemas.kafka.RecordTime;

/**
 * A venue record's event time is believed when it is positive and within its {@link TimeBounds} of
 * the local receive time. A record stamped in the future would otherwise drag the watermark ahead
 * and make every later record late.
 */
public final class PlausibleTime<T> implements RecordCheck<T> {

  private final RecordTime<T> eventTime;
  private final RecordTime<T> receiveTime;
  private final long maxAheadUs;
  private final long maxBehindUs;

  public PlausibleTime(RecordTime<T> eventTime, RecordTime<T> receiveTime, TimeBounds bounds) {
    this.eventTime = eventTime;
    this.receiveTime = receiveTime;
    this.maxAheadUs = bounds.maxAhead().toNanos() / 1_000L;
    this.maxBehindUs = bounds.maxBehind().toNanos() / 1_000L;
  }

  @Override
  public String problemWith(T record) {
    long eventUs = eventTime.micros(record);
    long receiveUs = receiveTime.micros(record);
    if (eventUs <= 0) {
      return "event time " + eventUs + " us is not a time";
    }
    if (eventUs - receiveUs > maxAheadUs) {
      return "event time "
          + eventUs
          + " us is more than "
          + Duration.ofNanos(maxAheadUs * 1_000L)
          + " ahead of the receive time "
          + receiveUs
          + " us";
    }
    if (receiveUs - eventUs > maxBehindUs) {
      return "event time "
          + eventUs
          + " us is more than "
          + Duration.ofNanos(maxBehindUs * 1_000L)
          + " behind the receive time "
          + receiveUs
          + " us";
    }
    return null;
  }
}
