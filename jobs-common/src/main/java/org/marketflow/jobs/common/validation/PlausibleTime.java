package org.marketflow.jobs.common.validation;

import java.time.Duration;
import org.marketflow.schemas.kafka.RecordTime;

/**
 * A venue record's event time is believed when it is positive and within {@code maxSkew} of the
 * local receive time. A record stamped far in the future would otherwise drag the watermark ahead
 * and make every later record late.
 */
public final class PlausibleTime<T> implements RecordCheck<T> {

  private final RecordTime<T> eventTime;
  private final RecordTime<T> receiveTime;
  private final long maxSkewUs;

  public PlausibleTime(RecordTime<T> eventTime, RecordTime<T> receiveTime, Duration maxSkew) {
    this.eventTime = eventTime;
    this.receiveTime = receiveTime;
    this.maxSkewUs = maxSkew.toNanos() / 1_000L;
  }

  @Override
  public String problemWith(T record) {
    long eventUs = eventTime.micros(record);
    long receiveUs = receiveTime.micros(record);
    if (eventUs > 0 && Math.abs(eventUs - receiveUs) <= maxSkewUs) {
      return null;
    }
    return "event time "
        + eventUs
        + " us is not within "
        + Duration.ofNanos(maxSkewUs * 1_000L)
        + " of the receive time "
        + receiveUs
        + " us";
  }
}
