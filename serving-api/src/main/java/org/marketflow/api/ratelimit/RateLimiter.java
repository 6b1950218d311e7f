package org.marketflow.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.marketflow.api.access.ApiKeyPrincipal;
import org.marketflow.api.common.MarketflowConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Decides whether a key may make a request: in Redis ({@code <key-prefix>ratelimit:<keyId>}), so
 * that the limit holds across instances; while Redis fails, in this instance's memory (fail open
 * with a local limit), trying Redis again every {@code marketflow.rate-limit.redis-retry-after}.
 * Counts refusals ({@code marketflow_rate_limit_rejections_total}) and decisions taken without
 * Redis ({@code marketflow_rate_limit_local_decisions_total}).
 */
@ApplicationScoped
public class RateLimiter {

  /** The part of a Redis key after {@code marketflow.redis.key-prefix}. */
  public static final String KEY_SPACE = "ratelimit:";

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  private final MarketflowConfig.RateLimit config;
  private final String keyPrefix;
  private final JedisPooled jedis;
  private final RedisRateLimiter redis;
  private final LocalRateLimiter local;
  private final MeterRegistry meters;
  private final Counter localDecisions;
  private final Map<String, Gcra> gcraByAccountType = new ConcurrentHashMap<>();
  private final long redisRetryAfterNanos;
  private volatile long redisRetryAt;
  private volatile boolean redisAvailable = true;

  public RateLimiter(MarketflowConfig config, JedisPooled jedis, MeterRegistry meters) {
    this.config = config.rateLimit();
    this.keyPrefix = config.redis().keyPrefix().orElse("");
    this.jedis = jedis;
    this.redis = new RedisRateLimiter(jedis);
    this.local = new LocalRateLimiter(() -> System.nanoTime() / 1_000);
    this.meters = meters;
    this.localDecisions =
        Counter.builder("marketflow_rate_limit_local_decisions")
            .description("Rate-limit decisions taken in memory because Redis failed")
            .register(meters);
    this.redisRetryAfterNanos = this.config.redisRetryAfter().toNanos();
    meters.gauge("marketflow_rate_limit_redis_available", this, l -> l.redisAvailable ? 1 : 0);
  }

  public boolean enabled() {
    return config.enabled();
  }

  /** Whether the last decision was taken in Redis (false: limiting per instance, degraded). */
  public boolean redisAvailable() {
    return redisAvailable;
  }

  /**
   * Pings Redis and records the outcome, so that the health check shows a failed (or recovered)
   * Redis without waiting for a request to find out.
   */
  public boolean probeRedis() {
    try {
      jedis.ping();
      redisAnswered();
    } catch (JedisException e) {
      redisFailed(e);
    }
    return redisAvailable;
  }

  private void redisAnswered() {
    if (!redisAvailable) {
      LOG.info("Redis answers again: rate limits are shared across instances again");
      redisAvailable = true;
    }
  }

  private void redisFailed(JedisException e) {
    if (redisAvailable) {
      LOG.warnf(
          "Redis failed (%s): rate limits are per instance, in memory, until it answers",
          e.getMessage());
    }
    redisAvailable = false;
    redisRetryAt = System.nanoTime() + redisRetryAfterNanos;
  }

  /** Decides one request of {@code key}, counting it when admitted. */
  public RateLimitDecision decide(ApiKeyPrincipal key) {
    Gcra gcra =
        gcraByAccountType.computeIfAbsent(key.accountType(), t -> Gcra.of(config.tierOf(t)));
    String redisKey = keyPrefix + KEY_SPACE + key.keyId();
    RateLimitDecision decision = null;
    String store = "redis";
    if (!redisAvailable && System.nanoTime() - redisRetryAt < 0) {
      store = "local";
    } else {
      try {
        decision = redis.decide(redisKey, gcra);
        redisAnswered();
      } catch (JedisException e) {
        redisFailed(e);
        store = "local";
      }
    }
    if (decision == null) {
      localDecisions.increment();
      decision = local.decide(redisKey, gcra);
    }
    if (!decision.allowed()) {
      meters
          .counter(
              "marketflow_rate_limit_rejections", "account_type", key.accountType(), "store", store)
          .increment();
    }
    return decision;
  }
}
