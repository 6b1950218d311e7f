package org.marketflow.benchmarks.latency;

import java.time.Instant;

/** The wall clock in epoch microseconds, as the feed handlers stamp receive times. */
final class WallClock {

  private WallClock() {}

  static long nowUs() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
