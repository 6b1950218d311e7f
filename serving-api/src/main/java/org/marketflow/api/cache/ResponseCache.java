package org.marketflow.api.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.marketflow.api.common.MarketflowConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A read-through cache of whole answers in Redis, kept as the JSON bytes the client receives: a hit
 * is {@code GET} of the entry and those bytes are the response body, never parsed nor written
 * again; a miss computes the answer, serializes it once, answers those bytes and {@code SET}s them
 * with the endpoint's time to live ({@link CacheTtls}). Entries are never invalidated explicitly:
 * the stores behind them are append-mostly and the TTL bounds how stale an answer can be
 * (docs/api.md, "Cache").
 *
 * <p>Keys are {@code <marketflow.redis.key-prefix>cache:<endpoint>:<FORMAT>:<query>}, the query
 * being the validated parameters in a fixed order, so two spellings of one request share an entry.
 * {@link #FORMAT} names the shape of the cached JSON: a release that changes an answer's fields
 * changes it, so that it never serves bytes an older release stored.
 *
 * <p>Redis never fails a request: a command that fails (server away, timeout) is logged, counted as
 * {@code error}, and the answer is computed from the database. Every lookup increments {@code
 * marketflow_cache_requests_total{endpoint, result}}, result {@code hit}, {@code miss} or {@code
 * error}; the hit ratio is hit / (hit + miss + error).
 */
@ApplicationScoped
public class ResponseCache {

  public static final String METRIC = "marketflow.cache.requests";

  /** The version of the cached answers' JSON shape, part of every key. */
  public static final String FORMAT = "v1";

  private static final Logger LOG = Logger.getLogger(ResponseCache.class);

  private final JedisPooled redis;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private final String keyPrefix;
  private final boolean enabled;

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

  /**
   * The cache of one endpoint whose answers are {@code type}; made once per endpoint, it holds the
   * endpoint's JSON writer and lookup counters.
   *
   * @param endpoint the endpoint's name, the metric's tag and part of the key
   */
  public <T> Answers<T> answers(String endpoint, Class<T> type) {
    return new Answers<>(endpoint, json.writerFor(type), lookups(endpoint));
  }

  /** The lookup counters of {@code endpoint}, for a store that is its own cache (order book). */
  public Lookups lookups(String endpoint) {
    return new Lookups(
        counter(endpoint, "hit"), counter(endpoint, "miss"), counter(endpoint, "error"));
  }

  private Counter counter(String endpoint, String result) {
    return Counter.builder(METRIC)
        .description("Cache lookups by endpoint and result (hit, miss, error)")
        .tag("endpoint", endpoint)
        .tag("result", result)
        .register(meters);
  }

  /** The counters of one endpoint's lookups. */
  public record Lookups(Counter hit, Counter miss, Counter error) {}

  /** The cached answers of one endpoint, as JSON bytes. */
  public final class Answers<T> {

    private final String endpoint;
    private final ObjectWriter writer;
    private final Lookups lookups;

    private Answers(String endpoint, ObjectWriter writer, Lookups lookups) {
      this.endpoint = endpoint;
      this.writer = writer;
      this.lookups = lookups;
    }

    /** The Redis key of the answer to {@code query}. */
    public String key(String query) {
      return keyPrefix + "cache:" + endpoint + ":" + FORMAT + ":" + query;
    }

    /**
     * The JSON of the cached answer to {@code query}, or of {@code loader}'s, which is then cached
     * for {@code ttl}.
     *
     * @param query the validated query in a canonical form
     */
    public byte[] get(String query, Duration ttl, Supplier<T> loader) {
      if (!enabled) {
        return json(loader.get());
      }
      byte[] key = key(query).getBytes(StandardCharsets.UTF_8);
      byte[] cached;
      try {
        cached = redis.get(key);
      } catch (JedisException e) {
        // Redis is away or slow: answer from the store, and skip the SET that would fail too.
        lookups.error().increment();
        LOG.debugf("Cache read failed for %s, reading through: %s", endpoint, e.getMessage());
        return json(loader.get());
      }
      if (cached != null) {
        lookups.hit().increment();
        return cached;
      }
      lookups.miss().increment();
      byte[] answer = json(loader.get());
      try {
        redis.set(key, answer, SetParams.setParams().px(ttl.toMillis()));
      } catch (JedisException e) {
        lookups.error().increment();
        LOG.debugf("Cache write failed for %s: %s", endpoint, e.getMessage());
      }
      return answer;
    }

    /** {@code value} as the endpoint's JSON, for answers that are not cached. */
    public byte[] json(T value) {
      try {
        return writer.writeValueAsBytes(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialize the " + endpoint + " answer", e);
      }
    }

    public Lookups lookups() {
      return lookups;
    }
  }
}
