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
    @WithConverter(PositiveInt.class)
    int maxSubscriptions();

    /**
     * {@code marketflow.live.queue-capacity}: updates waiting for one slow connection; one more
     * drops it with 4000.
     */
    @WithDefault("1024")
    @WithConverter(PositiveInt.class)
    int queueCapacity();

    /**
     * {@code marketflow.live.max-message-bytes}: the largest text message a client may send, in
     * UTF-8 bytes; a larger one closes the connection with 1009.
     */
    @WithDefault("4096")
    @WithConverter(PositiveInt.class)
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

  /** An integer greater than zero. */
  final class PositiveInt implements Converter<Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public Integer convert(String value) {
      int parsed;
      try {
        parsed = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a positive integer, not '" + value + "'");
      }
      if (parsed <= 0) {
        throw new IllegalArgumentException("must be a positive integer, not '" + value + "'");
      }
      return parsed;
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
}
