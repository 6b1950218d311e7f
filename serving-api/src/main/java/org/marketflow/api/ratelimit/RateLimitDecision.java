package org.marketflow.api.ratelimit;

/**
 * The answer to one request: admitted or not, and what the {@code X-RateLimit-*} headers say.
 *
 * @param limit requests per period of the key's tier ({@code X-RateLimit-Limit})
 * @param remaining requests the key may send right now, back to back ({@code
 *     X-RateLimit-Remaining})
 * @param retryAfterMicros when refused, how long until a request would be admitted
 * @param resetMicros how long until the key's bucket is full again
 */
public record RateLimitDecision(
    boolean allowed, int limit, long remaining, long retryAfterMicros, long resetMicros) {

  /** {@code Retry-After}: whole seconds, rounded up, at least 1 when refused. */
  public long retryAfterSeconds() {
    return allowed ? 0 : Math.max(1, ceilSeconds(retryAfterMicros));
  }

  /** {@code X-RateLimit-Reset}: whole seconds until the bucket is full, rounded up. */
  public long resetSeconds() {
    return ceilSeconds(resetMicros);
  }

  private static long ceilSeconds(long micros) {
    return micros <= 0 ? 0 : (micros + 999_999) / 1_000_000;
  }
}
