package org.marketflow.api.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A read-through cache of whole answers in Redis: {@code GET} the answer's key, and on a miss
 * compute it, answer it and {@code SET} it with the endpoint's time to live ({@link CacheTtls}).
 * Entries are never invalidated explicitly: the stores behind them are append-mostly and the TTL
 * bounds how stale an answer can be (docs/api.md, "Cache").
 *
 * <p>Keys are {@code <marketflow.redis.key-prefix>cache:<endpoint>:<query>}, the query being the
 * validated parameters in a fixed order, so two spellings of one request share an entry.
 *
 * <p>Redis never fails a request: a command that fails (server away, timeout) is logged, counted as
 * {@code error}, and the answer is computed from the database. Every lookup increments {@code
 * marketflow_cache_requests_total{endpoint, result}}, result {@code hit}, {@code miss} or {@code
 * error}; the hit ratio is hit / (hit + miss + error).
 */
@ApplicationScoped
public class ResponseCache {

  public static final String METRIC = "marketflow.cache.requests";

  private static final Logger LOG = Logger.getLogger(ResponseCache.class);

  private final JedisPooled redis;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private final String keyPrefix;
  private final boolean enabled;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  @Inject
  public ResponseCache(
      JedisPooled redis, ObjectMapper json, MeterRegistry meters, MarketflowConfig config) {
    this(redis, json, meters, config.redis().keyPrefix().orElse(""), config.cache().enabled());
  }

  /** For tests that build a cache on a server of their choosing. */
  public ResponseCache(
      JedisPooled redis, ObjectMapper json, MeterRegistry meters, String keyPrefix, boolean on) {
    this.redis = redis;
    this.json = json;
    this.meters = meters;
    this.keyPrefix = keyPrefix;
    this.enabled = on;
  }

  /** The Redis key of an entry. */
  public String key(String endpoint, String query) {
    return keyPrefix + "cache:" + endpoint + ":" + query;
  }

  /**
   * The cached answer to {@code query}, or {@code loader}'s, which is then cached for {@code ttl}.
   *
   * @param endpoint the endpoint's name, the metric's tag and part of the key
   * @param query the validated query in a canonical form
   */
  public <T> T get(String endpoint, String query, Duration ttl, Class<T> type, Supplier<T> loader) {
    if (!enabled) {
      return loader.get();
    }
    String key = key(endpoint, query);
    String cached;
    try {
      cached = redis.get(key);
    } catch (JedisException e) {
      // Redis is away or slow: answer from the store, and skip the SET that would fail too.
      count(endpoint, "error");
      LOG.debugf("Cache read failed for %s, reading through: %s", endpoint, e.getMessage());
      return loader.get();
    }
    if (cached != null) {
      try {
        T value = json.readValue(cached, type);
        count(endpoint, "hit");
        return value;
      } catch (JsonProcessingException e) {
        // An entry of an older shape (a new release): recompute and overwrite it.
        LOG.debugf("Unreadable cache entry %s: %s", key, e.getMessage());
      }
    }
    count(endpoint, "miss");
    T value = loader.get();
    try {
      redis.set(key, json.writeValueAsString(value), SetParams.setParams().px(ttl.toMillis()));
    } catch (JedisException e) {
      count(endpoint, "error");
      LOG.debugf("Cache write failed for %s: %s", endpoint, e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a " + type.getSimpleName(), e);
    }
    return value;
  }

  /** Counts a lookup; also used by endpoints whose live Redis key is their cache (order book). */
  public void count(String endpoint, String result) {
    counters
        .computeIfAbsent(
            endpoint + ":" + result,
            k ->
                Counter.builder(METRIC)
                    .description("Cache lookups by endpoint and result (hit, miss, error)")
                    .tag("endpoint", endpoint)
                    .tag("result", result)
                    .register(meters))
        .increment();
  }
}
