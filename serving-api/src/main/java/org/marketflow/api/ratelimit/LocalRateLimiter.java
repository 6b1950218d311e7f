package org.marketflow.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The GCRA of {@link Gcra} in this instance's memory: the fallback while Redis is away. Each
 * instance then limits on its own, so N instances admit up to N times a key's limit. Written here
 * rather than taken from a library (Bucket4j) so that it is the very rule of {@code gcra.lua} and
 * hands over to it without a jump in what a key may send.
 */
final class LocalRateLimiter {

  private final LongSupplier clockMicros;
  // An entry whose TAT has passed means the same as no entry; old ones are dropped after an hour.
  private final Cache<String, Long> tats =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(1_000_000).build();

  LocalRateLimiter(LongSupplier clockMicros) {
    this.clockMicros = clockMicros;
  }

  RateLimitDecision decide(String key, Gcra gcra) {
    long now = clockMicros.getAsLong();
    RateLimitDecision[] decision = new RateLimitDecision[1];
    ConcurrentMap<String, Long> map = tats.asMap();
    // compute() runs atomically per key: concurrent requests of one key are decided one by one.
    map.compute(
        key,
        (k, tat) -> {
          Gcra.Step step = gcra.step(tat == null ? 0 : tat, now);
          decision[0] = step.decision();
          return step.newTatMicros();
        });
    return decision[0];
  }
}
