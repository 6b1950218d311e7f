package org.marketflow.jobs.common.kafka;

import java.io.Serializable;

/**
 * The event times a source passes on, {@code [fromUs, toUs)} in epoch microseconds: a backtest's
 * range. Kafka can only start and stop reading by the records' Kafka timestamps, and a partition is
 * in arrival order, not event-time order, so a source bounded by timestamps also reads some records
 * of either side of the range; this range drops them.
 *
 * @param fromUs the first event time passed on
 * @param toUs the first event time no longer passed on
 */
public record EventTimeRange(long fromUs, long toUs) implements Serializable {

  /** Every event time: what a source without a range passes on. */
  public static final EventTimeRange ALL = new EventTimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

  public EventTimeRange {
    if (fromUs >= toUs) {
      throw new IllegalArgumentException(
          "an event-time range starts before it ends, not at " + fromUs + " >= " + toUs);
    }
  }

  public boolean contains(long timeUs) {
    return timeUs >= fromUs && timeUs < toUs;
  }
}
