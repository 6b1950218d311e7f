package org.marketflow.jobs.common.validation;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.marketflow.jobs.common.options.JobOptions;

/**
 * How far a venue record's event time may be from its local receive time and still be believed:
 * {@code maxAhead} ahead of it (tight: one record stamped in the future would drive the watermark
 * forward and make the good records after it late), {@code maxBehind} behind it (loose: an old time
 * only makes its own record late).
 */
public record TimeBounds(Duration maxAhead, Duration maxBehind) implements Serializable {

  /** {@code source.max-time-ahead} and {@code source.max-clock-skew}. */
  public static TimeBounds from(Configuration config) {
    return new TimeBounds(
        config.get(JobOptions.MAX_TIME_AHEAD), config.get(JobOptions.MAX_CLOCK_SKEW));
  }

  /** The same bound both ways. */
  public static TimeBounds symmetric(Duration skew) {
    return new TimeBounds(skew, skew);
  }
}
