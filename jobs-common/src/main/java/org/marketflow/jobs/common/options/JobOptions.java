package org.marketflow.jobs.common.options;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;

/**
 * The options every job takes, passed as {@code --key value} arguments to {@code flink run}: Kafka,
 * sources and watermarks, backtests, checkpoints, delivery, dead letters, PostgreSQL and Redis. A
 * job's own options (its topics, its computation) are in its {@code *Options} class.
 */
public final class JobOptions {

  public static final ConfigOption<String> BOOTSTRAP_SERVERS =
      key("kafka.bootstrap-servers")
          .stringType()
          .defaultValue("localhost:9092")
          .withDescription("Kafka bootstrap servers.");

  public static final ConfigOption<String> GROUP_ID =
      key("kafka.group-id")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Consumer group (offsets are committed on checkpoints) and prefix of the sinks'"
                  + " transactional ids; marketflow-<job> by default.");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("topic.dead-letters")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS)
          .withDescription("Where rejected records go, with the reason, origin and raw bytes.");

  public static final ConfigOption<Integer> DEAD_LETTER_MAX_RAW_BYTES =
      key("dead-letters.max-raw-bytes")
          .intType()
          .defaultValue(DeadLetters.DEFAULT_MAX_RAW_BYTES)
          .withDescription(
              "Raw bytes kept in a dead letter; a larger record is cut and flagged, so that it"
                  + " fits the dead-letter topic's max.message.bytes.");

  public static final ConfigOption<StartFrom> START_FROM =
      key("source.start")
          .enumType(StartFrom.class)
          .defaultValue(StartFrom.COMMITTED_OR_EARLIEST)
          .withDescription(
              "Where reading starts: EARLIEST, LATEST, COMMITTED_OR_EARLIEST, TIMESTAMP.");

  public static final ConfigOption<Long> START_TIMESTAMP_MS =
      key("source.start-timestamp-ms")
          .longType()
          .noDefaultValue()
          .withDescription("With source.start=TIMESTAMP: first record time (epoch ms) to read.");

  public static final ConfigOption<StopAt> STOP_AT =
      key("source.stop")
          .enumType(StopAt.class)
          .defaultValue(StopAt.NEVER)
          .withDescription(
              "NEVER for a live job; LATEST (the offsets at start) or TIMESTAMP for a bounded"
                  + " run into the live outputs (a backtest is bounded by --from and --to).");

  public static final ConfigOption<Long> STOP_TIMESTAMP_MS =
      key("source.stop-timestamp-ms")
          .longType()
          .noDefaultValue()
          .withDescription(
              "With source.stop=TIMESTAMP: records at or after this time are not read.");

  public static final ConfigOption<Duration> MAX_TIME_AHEAD =
      key("source.max-time-ahead")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription(
              "A venue record whose event time is more than this ahead of its receive time is"
                  + " rejected: one such record would drive the watermark forward and make the"
                  + " good records after it late. Keep it below the allowed lateness.");

  public static final ConfigOption<String> BACKTEST_NAME =
      key("backtest.name")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Runs the job as the backtest of this name (lower-case letters, digits, _) over"
                  + " the event times --from to --to: tables in the schema backtest_<name>"
                  + " (scripts/migrate.sh --backtest <name> creates it), topics"
                  + " <topic>.backtest.<name>, no Redis keys.");

  public static final ConfigOption<String> FROM =
      key("from")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "A backtest's first event time, an ISO 8601 instant (2025-01-15T10:00:00Z): the"
                  + " sources start at the offsets of this Kafka timestamp.");

  public static final ConfigOption<String> TO =
      key("to")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The end of a backtest's event times, not included, an ISO 8601 instant: the"
                  + " sources stop once past it by the out-of-orderness.");

  public static final ConfigOption<Duration> MAX_CLOCK_SKEW =
      key("source.max-clock-skew")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "A venue record whose event time is more than this behind its receive time is"
                  + " rejected: its time is not believed.");

  public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
      key("watermark.out-of-orderness")
          .durationType()
          .defaultValue(Duration.ofSeconds(2))
          .withDescription("How far behind the newest record the watermark trails.");

  public static final ConfigOption<Duration> IDLENESS =
      key("watermark.idleness")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription("A partition silent this long stops holding the watermark back.");

  public static final ConfigOption<Duration> WATERMARK_INTERVAL =
      key("watermark.interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription(
              "How often each source emits a watermark (Flink's auto-watermark interval): an"
                  + " event-time result waits up to this long besides the out-of-orderness.");

  public static final ConfigOption<Duration> BUFFER_TIMEOUT =
      key("network.buffer-timeout")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .withDescription(
              "How long a network buffer between operators waits to fill before it is sent"
                  + " (Flink's buffer timeout): lower for latency, higher for throughput.");

  public static final ConfigOption<DeliveryGuarantee> KAFKA_DELIVERY =
      key("sink.kafka.delivery")
          .enumType(DeliveryGuarantee.class)
          .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
          .withDescription(
              "exactly-once: records are published in Kafka transactions committed with each"
                  + " checkpoint (read them with isolation.level=read_committed); at-least-once"
                  + " publishes at once but may repeat records after a restart.");

  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      key("checkpoint.interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription(
              "Exactly-once checkpoint interval: also how often results become visible in Kafka.");

  public static final ConfigOption<String> CHECKPOINT_DIR =
      key("checkpoint.dir")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Where checkpoints are written (a file://, s3://, ... URI). Without it the"
                  + " cluster's execution.checkpointing.dir applies, else the JobManager's memory,"
                  + " which refuses a state over 5 MB.");

  public static final ConfigOption<String> JDBC_URL =
      key("jdbc.url")
          .stringType()
          .noDefaultValue()
          .withDescription("PostgreSQL URL; without it the job writes no table.");

  public static final ConfigOption<String> JDBC_USER =
      key("jdbc.user").stringType().defaultValue("marketflow").withDescription("Database user.");

  public static final ConfigOption<String> JDBC_PASSWORD =
      key("jdbc.password")
          .stringType()
          .defaultValue("marketflow")
          .withDescription("Database password.");

  public static final ConfigOption<Integer> JDBC_BATCH_SIZE =
      key("jdbc.batch-size").intType().defaultValue(500).withDescription("Rows per JDBC batch.");

  public static final ConfigOption<Duration> JDBC_BATCH_INTERVAL =
      key("jdbc.batch-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription("Longest a row waits in the JDBC batch.");

  public static final ConfigOption<String> REDIS_URL =
      key("redis.url")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Redis URL (redis://host:port); without it the job writes no Redis key.");

  public static final ConfigOption<Integer> REDIS_BATCH_SIZE =
      key("redis.batch-size")
          .intType()
          .defaultValue(1_000)
          .withDescription(
              "Commands per Redis pipeline; pipelines are also flushed on checkpoints.");

  public static final ConfigOption<Duration> REDIS_FLUSH_INTERVAL =
      key("redis.flush-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(10))
          .withDescription(
              "A command waits in a Redis pipeline at most this long before the pipeline is"
                  + " sent, however few commands it holds.");

  /** Every option above, for argument parsing and the docs. */
  public static final List<ConfigOption<?>> ALL =
      List.of(
          BOOTSTRAP_SERVERS,
          GROUP_ID,
          DEAD_LETTERS_TOPIC,
          DEAD_LETTER_MAX_RAW_BYTES,
          START_FROM,
          START_TIMESTAMP_MS,
          STOP_AT,
          STOP_TIMESTAMP_MS,
          BACKTEST_NAME,
          FROM,
          TO,
          MAX_TIME_AHEAD,
          MAX_CLOCK_SKEW,
          OUT_OF_ORDERNESS,
          IDLENESS,
          WATERMARK_INTERVAL,
          BUFFER_TIMEOUT,
          KAFKA_DELIVERY,
          CHECKPOINT_INTERVAL,
          CHECKPOINT_DIR,
          JDBC_URL,
          JDBC_USER,
          JDBC_PASSWORD,
          JDBC_BATCH_SIZE,
          JDBC_BATCH_INTERVAL,
          REDIS_URL,
          REDIS_BATCH_SIZE,
          REDIS_FLUSH_INTERVAL);

  private JobOptions() {}

  /**
   * Whether the job writes Redis: it has a {@code redis.url} and is not a {@link Backtest}. Redis
   * holds the live state that dashboards read, and a backtest never touches it; a job wires its
   * Redis sinks only when this holds.
   */
  public static boolean writesRedis(Configuration config) {
    return config.get(REDIS_URL) != null && Backtest.of(config).isEmpty();
  }
}
