package org.marketflow.ingest.live;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter between reconnects: the n-th wait is uniform in [d/2, d]
 * with d = min(initial * 2^n, max), so that many clients dropped at once do not return at once.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;
  private int attempt;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt; each call doubles the next one, up to the maximum. */
  public Duration next() {
    long ceiling = Math.min(max.toNanos(), initial.toNanos() << Math.min(attempt, 30));
    attempt++;
    return Duration.ofNanos(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
  }

  /** A connection worked: the next wait starts again from the initial one. */
  public void reset() {
    attempt = 0;
  }
}
