package org.marketflow.jobs.common.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Epoch microseconds, the suite's time unit, as PostgreSQL {@code timestamptz} values. */
public final class SqlTimes {

  private SqlTimes() {}

  /** Exact: PostgreSQL keeps microseconds. */
  public static OffsetDateTime utc(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    long nanos = Math.floorMod(epochMicros, 1_000_000L) * 1_000L;
    return Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC);
  }

  /** The inverse of {@link #utc}. */
  public static long micros(OffsetDateTime time) {
    Instant instant = time.toInstant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }
}
