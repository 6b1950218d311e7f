package org.marketflow.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
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
 *
 * <p>Requests without a valid key are limited the same way per client address ({@code
 * <key-prefix>ratelimit:ip:<address>}, {@code marketflow.rate-limit.unkeyed.*}). An address refused
 * once is remembered by this instance until the refusal's {@code Retry-After} has passed, so that
 * its next requests can be refused before their key is looked up ({@link #unkeyedRefusal}); such
 * refusals, and the others of that limit, are counted in {@code
 * marketflow_rate_limit_unkeyed_rejections_total}.
 */
@ApplicationScoped
public class RateLimiter {

  /** The part of a Redis key after {@code marketflow.redis.key-prefix}. */
  public static final String KEY_SPACE = "ratelimit:";

  /** After {@link #KEY_SPACE}, the part of an address's key before the address. */
  public static final String ADDRESS_SPACE = "ip:";

  /** The {@code store} tag of refusals of an address this instance had refused already. */
  static final String REMEMBERED = "remembered";

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  /** Refused addresses remembered at once; beyond, the oldest are forgotten (and asked again). */
  static final int MAX_REFUSED_ADDRESSES = 100_000;

  private final MarketflowConfig.RateLimit config;
  private final String keyPrefix;
  private final JedisPooled jedis;
  private final RedisRateLimiter redis;
  private final LocalRateLimiter local;
  private final MeterRegistry meters;
  private final Counter localDecisions;
  private final Map<String, Gcra> gcraByAccountType = new ConcurrentHashMap<>();
  private final Gcra unkeyedGcra;
  private final Cache<String, Refusal> refusedAddresses;
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
    MarketflowConfig.RateLimit.Unkeyed unkeyed = this.config.unkeyed();
    this.unkeyedGcra = Gcra.of(unkeyed.requests(), unkeyed.period(), unkeyed.burst());
    // A refusal lasts at most until the bucket has room again, within one period.
    this.refusedAddresses =
        Caffeine.newBuilder()
            .expireAfterWrite(unkeyed.period())
            .maximumSize(MAX_REFUSED_ADDRESSES)
            .build();
    meters.gauge("marketflow_rate_limit_redis_available", this, l -> l.redisAvailable ? 1 : 0);
  }

  /**
   * The client's address as the connection gives it (behind a proxy, the forwarded one when {@code
   * quarkus.http.proxy.proxy-address-forwarding} is on), {@code unknown} when it gives none: the
   * key of {@link #decideUnkeyed}.
   */
  public static String clientAddress(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
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
    Decided decided = decide(keyPrefix + KEY_SPACE + key.keyId(), gcra);
    if (!decided.decision().allowed()) {
      meters
          .counter(
              "marketflow_rate_limit_rejections",
              "account_type",
              key.accountType(),
              "store",
              decided.store())
          .increment();
    }
    return decided.decision();
  }

  /**
   * Decides one request without a valid key from {@code address}, counting it when admitted; a
   * refusal is remembered for {@link #unkeyedRefusal} until its {@code Retry-After} has passed.
   */
  public RateLimitDecision decideUnkeyed(String address) {
    Decided decided = decide(keyPrefix + KEY_SPACE + ADDRESS_SPACE + address, unkeyedGcra);
    RateLimitDecision decision = decided.decision();
    if (!decision.allowed()) {
      refusedAddresses.put(address, new Refusal(decision, System.nanoTime()));
      unkeyedRejections(decided.store()).increment();
    }
    return decision;
  }

  /**
   * The refusal of a request from {@code address} that this instance refused less than its {@code
   * Retry-After} ago, its times counted down since, without asking Redis; {@code null} when there
   * is none.
   */
  public RateLimitDecision unkeyedRefusal(String address) {
    Refusal refusal = refusedAddresses.getIfPresent(address);
    if (refusal == null) {
      return null;
    }
    long elapsedMicros = (System.nanoTime() - refusal.atNanos()) / 1_000;
    RateLimitDecision then = refusal.decision();
    if (elapsedMicros >= then.retryAfterMicros()) {
      refusedAddresses.asMap().remove(address, refusal);
      return null;
    }
    unkeyedRejections(REMEMBERED).increment();
    return new RateLimitDecision(
        false,
        then.limit(),
        0,
        then.retryAfterMicros() - elapsedMicros,
        Math.max(0, then.resetMicros() - elapsedMicros));
  }

  private Counter unkeyedRejections(String store) {
    return meters.counter("marketflow_rate_limit_unkeyed_rejections", "store", store);
  }

  /** A decision and where it was taken: {@code redis} or {@code local}. */
  private record Decided(RateLimitDecision decision, String store) {}

  /** A refusal of an address and when it was decided ({@link System#nanoTime()}). */
  private record Refusal(RateLimitDecision decision, long atNanos) {}

  private Decided decide(String redisKey, Gcra gcra) {
    if (!redisAvailable && System.nanoTime() - redisRetryAt < 0) {
      return local(redisKey, gcra);
    }
    try {
      RateLimitDecision decision = redis.decide(redisKey, gcra);
      redisAnswered();
      return new Decided(decision, "redis");
    } catch (JedisException e) {
      redisFailed(e);
      return local(redisKey, gcra);
    }
  }

  private Decided local(String redisKey, Gcra gcra) {
    localDecisions.increment();
    return new Decided(local.decide(redisKey, gcra), "local");
  }
}
