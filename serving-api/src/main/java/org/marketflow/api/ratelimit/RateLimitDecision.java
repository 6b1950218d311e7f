package org.marketflow.api.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

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

  /** The {@code error} of the 429 {@code RATE_LIMITED} answer to a refused request. */
  public String refusal() {
    return "Rate limit exceeded; retry after " + retryAfterSeconds() + " s";
  }

  /** The {@code details} of that answer: the limit and when to retry, in that order. */
  public Map<String, Object> refusalDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("limit", limit);
    details.put("retryAfterSeconds", retryAfterSeconds());
    return details;
  }

  private static long ceilSeconds(long micros) {
    return micros <= 0 ? 0 : (micros + 999_999) / 1_000_000;
  }
}
