package org.marketflow.jobs.ohlc;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.marketflow.schemas.kafka.Topics;

/**
 * The options of {@link OhlcJob}. Pass them as {@code --key value} arguments to {@code flink run},
 * e.g. {@code --kafka.bootstrap-servers broker:9092 --jdbc.url jdbc:postgresql://db/marketflow}.
 */
public final class OhlcOptions {

  public static final ConfigOption<String> BOOTSTRAP_SERVERS =
      key("kafka.bootstrap-servers")
          .stringType()
          .defaultValue("localhost:9092")
          .withDescription("Kafka bootstrap servers.");

  public static final ConfigOption<String> GROUP_ID =
      key("kafka.group-id")
          .stringType()
          .defaultValue("marketflow-jobs-ohlc")
          .withDescription("Consumer group; offsets are committed on checkpoints.");

  public static final ConfigOption<String> TRADES_TOPIC =
      key("topic.trades").stringType().defaultValue(Topics.TRADES).withDescription("Input topic.");

  public static final ConfigOption<String> BARS_TOPIC =
      key("topic.bars").stringType().defaultValue(Topics.BARS).withDescription("Output topic.");

  public static final ConfigOption<String> DEAD_LETTERS_TOPIC =
      key("topic.dead-letters")
          .stringType()
          .defaultValue(Topics.DEAD_LETTERS)
          .withDescription("Where rejected trades go, with the reason and the raw bytes.");

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
              "NEVER for a live job; LATEST (the offsets at start) or TIMESTAMP for a backtest.");

  public static final ConfigOption<Long> STOP_TIMESTAMP_MS =
      key("source.stop-timestamp-ms")
          .longType()
          .noDefaultValue()
          .withDescription(
              "With source.stop=TIMESTAMP: records at or after this time are not read.");

  public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
      key("watermark.out-of-orderness")
          .durationType()
          .defaultValue(Duration.ofSeconds(2))
          .withDescription("How far behind the newest trade the watermark trails.");

  public static final ConfigOption<Duration> IDLENESS =
      key("watermark.idleness")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription("A partition silent this long stops holding the watermark back.");

  public static final ConfigOption<Duration> ALLOWED_LATENESS =
      key("ohlc.allowed-lateness")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription(
              "A trade this late (after the watermark) still revises its bar; later ones go to"
                  + " the dead-letter topic.");

  public static final ConfigOption<List<String>> INTERVALS =
      key("ohlc.intervals")
          .stringType()
          .asList()
          .defaultValues("1m")
          .withDescription("Bar intervals to compute, among 1s, 1m, 5m, 15m, 1h, 4h, 1d.");

  public static final ConfigOption<String> JDBC_URL =
      key("jdbc.url")
          .stringType()
          .noDefaultValue()
          .withDescription("PostgreSQL URL; without it bars go to Kafka only.");

  public static final ConfigOption<String> JDBC_USER =
      key("jdbc.user").stringType().defaultValue("marketflow").withDescription("Database user.");

  public static final ConfigOption<String> JDBC_PASSWORD =
      key("jdbc.password")
          .stringType()
          .defaultValue("marketflow")
          .withDescription("Database password.");

  public static final ConfigOption<Boolean> JDBC_MIGRATE =
      key("jdbc.migrate")
          .booleanType()
          .defaultValue(true)
          .withDescription("Apply the schema migrations and create partitions before starting.");

  public static final ConfigOption<Integer> JDBC_BATCH_SIZE =
      key("jdbc.batch-size").intType().defaultValue(500).withDescription("Rows per JDBC batch.");

  public static final ConfigOption<Duration> JDBC_BATCH_INTERVAL =
      key("jdbc.batch-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription("Longest a bar waits in the JDBC batch.");

  public static final ConfigOption<DeliveryGuarantee> KAFKA_DELIVERY =
      key("sink.kafka.delivery")
          .enumType(DeliveryGuarantee.class)
          .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
          .withDescription(
              "EXACTLY_ONCE: bars and dead letters are published in Kafka transactions committed"
                  + " with each checkpoint (read them with isolation.level=read_committed);"
                  + " AT_LEAST_ONCE publishes at once but may repeat records after a restart.");

  public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
      key("checkpoint.interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription(
              "Exactly-once checkpoint interval: also how often bars become visible in Kafka.");

  /** Where the Kafka source starts. */
  public enum StartFrom {
    EARLIEST,
    LATEST,
    COMMITTED_OR_EARLIEST,
    TIMESTAMP
  }

  /** Where the Kafka source stops: never (live) or at a bound (backtest, tests, benchmarks). */
  public enum StopAt {
    NEVER,
    LATEST,
    TIMESTAMP
  }

  private OhlcOptions() {}
}
