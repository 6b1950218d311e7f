package org.marketflow.api.common;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The service's own settings, every {@code marketflow.*} property: each is declared here once, with
 * its default and its check, and start-up fails with the property's name when a value is invalid. A
 * feature that needs settings adds a group here; {@code application.properties} sets values only
 * where they differ from these defaults.
 */
@ConfigMapping(prefix = "marketflow")
public interface MarketflowConfig {

  /** {@code marketflow.redis.*}: the Redis server of the cache, the rate limits and live data. */
  Redis redis();

  /** The one Redis server the service talks to. */
  interface Redis {

    /**
     * {@code marketflow.redis.url} (environment: {@code MARKETFLOW_REDIS_URL}): a {@code
     * redis://host:port} URI; the default is the server of {@code scripts/local-redis.sh}.
     */
    @WithDefault("redis://127.0.0.1:56379")
    String url();

    /**
     * {@code marketflow.redis.key-prefix}: put before every key the service itself owns (cache
     * entries, rate-limit windows), never before the keys the jobs write and the service only reads
     * ({@code market:book:*}, {@code market:stats:*}). Empty by default; tests sharing one server
     * give each service its own. None by default.
     */
    Optional<String> keyPrefix();
  }

  /** {@code marketflow.access-log.*}: the one-line-per-request log. */
  AccessLog accessLog();

  /** The access log of {@link org.marketflow.api.observability.HttpObservation}. */
  interface AccessLog {

    /**
     * {@code marketflow.access-log.enabled}: write a line per request to the {@code
     * org.marketflow.api.access} log category.
     */
    @WithDefault("true")
    boolean enabled();
  }

  /** {@code marketflow.cache.*}: the Redis cache of market-data answers. */
  Cache cache();

  /** The answer cache of {@link org.marketflow.api.cache.ResponseCache}. */
  interface Cache {

    /**
     * {@code marketflow.cache.enabled}: cache trades, OHLC and statistics answers in Redis, with
     * the TTLs of {@link org.marketflow.api.cache.CacheTtls}. {@code false} reads every answer from
     * the stores (and counts no lookup).
     */
    @WithDefault("true")
    boolean enabled();
  }

  /** {@code marketflow.access.*}: API keys and their verification. */
  Access access();

  /** How API keys are hashed, cached and bootstrapped ({@code org.marketflow.api.access}). */
  interface Access {

    /**
     * {@code marketflow.access.pepper} (environment: {@code MARKETFLOW_ACCESS_PEPPER}): the secret
     * key of the HMAC-SHA-256 that API keys are stored under; at least 32 characters. Required:
     * changing it invalidates every stored key, so it is kept like a database password.
     */
    @WithConverter(Pepper.class)
    String pepper();

    /**
     * {@code marketflow.access.key-cache-ttl}: how long an instance trusts a key it has verified
     * without reading the database again; a revocation or a deactivated account takes effect on
     * every other instance within this time (at once on the instance that made the change).
     */
    @WithDefault("10s")
    @WithConverter(PositiveDuration.class)
    Duration keyCacheTtl();

    /**
     * {@code marketflow.access.bootstrap-key-file} (environment: {@code
     * MARKETFLOW_ACCESS_BOOTSTRAP_KEY_FILE}): when set and no active admin key exists at start-up,
     * an account {@code bootstrap} and an admin key are created and the key is written to this file
     * (permissions 0600). Unset: nothing is created.
     */
    Optional<String> bootstrapKeyFile();
  }

  /** {@code marketflow.rate-limit.*}: requests per key ({@code org.marketflow.api.ratelimit}). */
  RateLimit rateLimit();

  /** The rate limits of the institutional API, per account type. */
  interface RateLimit {

    /** {@code marketflow.rate-limit.enabled}: false turns rate limiting (and its headers) off. */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code marketflow.rate-limit.default.*}: the tier of every account type that {@link #tiers()}
     * does not name: 1,000 requests per minute with a burst of 100.
     */
    @WithName("default")
    Tier defaultTier();

    /**
     * {@code marketflow.rate-limit.tiers.<account-type>.*}: the tier of one account type, e.g.
     * {@code marketflow.rate-limit.tiers.premium.requests=5000}; unset fields take the defaults of
     * {@link Tier}.
     */
    Map<String, Tier> tiers();

    /**
     * {@code marketflow.rate-limit.redis-retry-after}: after a failed Redis call, how long each
     * instance limits with its own in-process limiter before it tries Redis again.
     */
    @WithDefault("5s")
    @WithConverter(PositiveDuration.class)
    Duration redisRetryAfter();

    /**
     * {@code marketflow.rate-limit.unkeyed.*}: the limit per client address of the requests to
     * {@code /api/institutional/} that carry no valid key (no key, a malformed, unknown or wrong
     * one, a revoked key, an inactive account), so that a flood of bad keys cannot make every
     * request a database read.
     */
    Unkeyed unkeyed();

    /**
     * Requests without a valid key per client address: by default 60 a minute with a burst of 20
     * (docs/api.md "Rate limits").
     */
    interface Unkeyed {

      /** Requests per {@link #period()}, at least 1. */
      @WithDefault("60")
      @WithConverter(PositiveInteger.class)
      int requests();

      @WithDefault("1m")
      @WithConverter(PositiveDuration.class)
      Duration period();

      /** How many may come back to back, at least 1. */
      @WithDefault("20")
      @WithConverter(PositiveInteger.class)
      int burst();
    }

    /** The tier of {@code accountType}: its own when configured, else the default one. */
    default Tier tierOf(String accountType) {
      return tiers().getOrDefault(accountType, defaultTier());
    }

    /**
     * A sustained rate of {@code requests} per {@code period} with a bucket of {@code burst}
     * requests that may be sent at once (docs/api.md "Rate limits").
     */
    interface Tier {

      /** Requests per {@link #period()}, at least 1. */
      @WithDefault("1000")
      @WithConverter(PositiveInteger.class)
      int requests();

      @WithDefault("1m")
      @WithConverter(PositiveDuration.class)
      Duration period();

      /** How many requests a full bucket admits back to back, at least 1. */
      @WithDefault("100")
      @WithConverter(PositiveInteger.class)
      int burst();
    }
  }

  /** {@code marketflow.live.*}: the WebSocket feed and the Kafka topics it streams. */
  Live live();

  /**
   * The WebSocket feed ({@link org.marketflow.api.live}). Without {@code kafka.bootstrap-servers}
   * (or with {@code enabled=false}) the feed still accepts connections and subscriptions but sends
   * no updates, and the rest of the service is unaffected.
   */
  interface Live {

    /** {@code marketflow.live.enabled}: read Kafka and push updates. */
    @WithDefault("true")
    boolean enabled();

    /** {@code marketflow.live.kafka.*}: where the updates come from. */
    Kafka kafka();

    /** The Kafka cluster of the derived topics. */
    interface Kafka {

      /**
       * {@code marketflow.live.kafka.bootstrap-servers} (environment: {@code
       * MARKETFLOW_LIVE_KAFKA_BOOTSTRAP_SERVERS}): {@code host:port[,host:port...]}. None by
       * default: no updates until it is set.
       */
      Optional<String> bootstrapServers();

      /**
       * {@code marketflow.live.kafka.topics.*}: the topics read, by default those of {@code
       * org.marketflow.schemas.kafka.Topics}; tests and replays point them elsewhere.
       */
      Topics topics();
    }

    /** The topic of each channel. */
    interface Topics {

      /** {@code Trade} records for the {@code trades} channel. */
      @WithDefault(org.marketflow.schemas.kafka.Topics.TRADES)
      String trades();

      /** {@code OrderBookSnapshot} records for the {@code orderbook} channel. */
      @WithDefault(org.marketflow.schemas.kafka.Topics.BOOK_SNAPSHOTS)
      String orderbook();

      /** {@code MarketStatistics} records for the {@code statistics} channel. */
      @WithDefault(org.marketflow.schemas.kafka.Topics.STATISTICS)
      String statistics();
    }

    /**
     * {@code marketflow.live.max-subscriptions}: subscriptions (channel and market pairs) one
     * connection may hold; one more closes it with 1008.
     */
    @WithDefault("100")
    @WithConverter(PositiveInteger.class)
    int maxSubscriptions();

    /**
     * {@code marketflow.live.queue-capacity}: updates waiting for one slow connection; one more
     * drops it with 4000.
     */
    @WithDefault("1024")
    @WithConverter(PositiveInteger.class)
    int queueCapacity();

    /**
     * {@code marketflow.live.max-message-bytes}: the largest text message a client may send, in
     * UTF-8 bytes; a larger one closes the connection with 1009.
     */
    @WithDefault("4096")
    @WithConverter(PositiveInteger.class)
    int maxMessageBytes();

    /** {@code marketflow.live.ping-interval}: how often the server pings each connection. */
    @WithDefault("15s")
    @WithConverter(PositiveDuration.class)
    Duration pingInterval();

    /**
     * {@code marketflow.live.pong-timeout}: a connection that sent nothing (no pong, no message)
     * for this long is closed with 4001. Longer than the ping interval.
     */
    @WithDefault("45s")
    @WithConverter(PositiveDuration.class)
    Duration pongTimeout();
  }

  /** {@code marketflow.partitions.*}: keeping the time partitions created ahead. */
  Partitions partitions();

  /** The partition upkeep of {@link org.marketflow.api.persistence.PartitionUpkeep}. */
  interface Partitions {

    /**
     * {@code marketflow.partitions.upkeep-every}: how often the partitions ahead are created, after
     * a first run at start-up. A positive duration: {@code 1h}, {@code 30m}, {@code PT1H}.
     */
    @WithDefault("1h")
    @WithConverter(PositiveDuration.class)
    Duration upkeepEvery();
  }

  /** {@code marketflow.export.*}: {@code GET /api/institutional/market-data/export}. */
  Export export();

  /**
   * The export's limits and job settings (see {@code docs/api.md}, "Export"). An export request
   * first counts its rows, stopping at {@code max-rows + 1}: up to {@code sync-max-rows} rows it
   * streams in the response, up to {@code max-rows} it becomes a job, beyond it is a 400.
   */
  interface Export {

    /**
     * {@code marketflow.export.directory}: where job files are written, read and removed. Every
     * instance of the service must see the same directory (a shared volume) for any instance to
     * serve any job's download. Default: {@code marketflow-exports} under {@code java.io.tmpdir}.
     */
    Optional<String> directory();

    /** {@code marketflow.export.sync-max-rows}: the most rows streamed directly, 1 or more. */
    @WithDefault("100000")
    @WithConverter(PositiveLong.class)
    long syncMaxRows();

    /** {@code marketflow.export.max-rows}: the most rows of one export (a job), 1 or more. */
    @WithDefault("5000000")
    @WithConverter(PositiveLong.class)
    long maxRows();

    /** {@code marketflow.export.max-range}: the longest {@code endTime - startTime}. */
    @WithDefault("366d")
    @WithConverter(PositiveDuration.class)
    Duration maxRange();

    /** {@code marketflow.export.fetch-size}: rows per round trip of the database cursor. */
    @WithDefault("2000")
    @WithConverter(PositiveInteger.class)
    int fetchSize();

    /** {@code marketflow.export.job-threads}: jobs written at once by one instance. */
    @WithDefault("2")
    @WithConverter(PositiveInteger.class)
    int jobThreads();

    /** {@code marketflow.export.expire-after}: how long a job's file stays downloadable. */
    @WithDefault("24h")
    @WithConverter(PositiveDuration.class)
    Duration expireAfter();

    /**
     * {@code marketflow.export.job-timeout}: a job still processing after this long (its instance
     * stopped) is marked failed by the cleanup.
     */
    @WithDefault("2h")
    @WithConverter(PositiveDuration.class)
    Duration jobTimeout();

    /** {@code marketflow.export.cleanup-every}: how often expired files are removed. */
    @WithDefault("10m")
    @WithConverter(PositiveDuration.class)
    Duration cleanupEvery();
  }

  /** A secret of at least 32 characters: a short pepper would be guessable offline. */
  final class Pepper implements Converter<String> {

    private static final long serialVersionUID = 1L;

    static final int MIN_LENGTH = 32;

    @Override
    public String convert(String value) {
      if (value.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            "must be a secret of at least " + MIN_LENGTH + " characters");
      }
      return value;
    }
  }

  /**
   * A duration as Quarkus and its scheduler read one ({@link DurationConverter}), and greater than
   * zero: the scheduler would take a negative interval as positive, and a zero one as a run every
   * second or two.
   */
  final class PositiveDuration implements Converter<Duration> {

    private static final long serialVersionUID = 1L;

    @Override
    public Duration convert(String value) {
      Duration duration = DurationConverter.parseDuration(value);
      if (duration != null && (duration.isZero() || duration.isNegative())) {
        throw new IllegalArgumentException(
            "must be a positive duration such as 1h, 30m or PT1H, not '" + value + "'");
      }
      return duration;
    }
  }

  /** A whole number greater than zero, up to {@link Long#MAX_VALUE}. */
  final class PositiveLong implements Converter<Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long convert(String value) {
      return positive(value, Long.MAX_VALUE);
    }
  }

  /** A whole number greater than zero, up to {@link Integer#MAX_VALUE}. */
  final class PositiveInteger implements Converter<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public Integer convert(String value) {
      return (int) positive(value, Integer.MAX_VALUE);
    }
  }

  private static long positive(String value, long max) {
    String text = value.trim();
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1 || number > max) {
      throw new IllegalArgumentException(
          "must be a whole number between 1 and " + max + ", not '" + value + "'");
    }
    return number;
  }
}
