package org.marketflow.api.common;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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
}
