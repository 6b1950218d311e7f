package org.marketflow.api.ratelimit;

import java.time.Duration;
import org.marketflow.api.common.MarketflowConfig.RateLimit.Tier;

/**
 * The parameters of the generic cell rate algorithm (GCRA) for one tier, in microseconds: a key may
 * send one request every {@code interval} on average, and up to {@code burst} back to back.
 *
 * <p>The state of a key is one instant, its theoretical arrival time (TAT): when the bucket would
 * be empty again if no more requests came. A request at {@code now} is admitted when {@code
 * max(TAT, now) - now <= tolerance}, where {@code tolerance = (burst - 1) * interval}; it then
 * moves TAT to {@code max(TAT, now) + interval}. So a fresh key admits {@code burst} requests at
 * once, and then one per {@code interval}; over any span of time {@code t} at most {@code burst + t
 * / interval} requests are admitted. The same rule runs in Redis ({@link RedisRateLimiter}) and in
 * memory ({@link LocalRateLimiter}).
 */
public record Gcra(
    int requests, long periodMillis, int burst, long intervalMicros, long toleranceMicros) {

  /** The GCRA of a tier: {@code interval = period / requests}, at least 1 µs. */
  public static Gcra of(Tier tier) {
    return of(tier.requests(), tier.period(), tier.burst());
  }

  /** The GCRA of {@code requests} per {@code period} with a burst of {@code burst}. */
  public static Gcra of(int requests, Duration period, int burst) {
    long periodMicros = period.toNanos() / 1_000;
    long interval = Math.max(1, periodMicros / requests);
    return new Gcra(requests, period.toMillis(), burst, interval, (burst - 1L) * interval);
  }

  /**
   * Decides a request at {@code nowMicros} on a key whose TAT is {@code tatMicros} (0 for a key
   * never seen or expired). This is the rule of {@code gcra.lua}, for the in-memory limiter.
   *
   * @return the decision and the key's new TAT
   */
  Step step(long tatMicros, long nowMicros) {
    long tat = Math.max(tatMicros, nowMicros);
    boolean allowed = tat - nowMicros <= toleranceMicros;
    long newTat = allowed ? tat + intervalMicros : tat;
    long remaining =
        Math.max(0, (nowMicros + toleranceMicros + intervalMicros - newTat) / intervalMicros);
    long retryAfter = allowed ? 0 : tat - toleranceMicros - nowMicros;
    long reset = newTat - nowMicros;
    return new Step(new RateLimitDecision(allowed, requests, remaining, retryAfter, reset), newTat);
  }

  /** One decision and the TAT it leaves. */
  record Step(RateLimitDecision decision, long newTatMicros) {}
}
