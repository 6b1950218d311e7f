package org.marketflow.jobs.common.kafka;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Preconditions;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.marketflow.jobs.common.functions.EventTimeOf;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.RecordCheck;
import org.marketflow.jobs.common.validation.TimeBounds;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.RecordTime;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * The Kafka source of one normalized or derived topic, and its watermark strategy, from a job's
 * {@link JobOptions}: every record decoded and checked into a {@link Consumed}, dead letters
 * included, so that a bad record flows on to the dead-letter topic instead of failing the job.
 *
 * <pre>{@code
 * KafkaInput<Trade> trades = KafkaInput.of("jobs-ohlc", TopicSpec.TRADES.withName(topic), config)
 *     .withCheck(new TradeCheck());
 * env.fromSource(trades.source(), trades.watermarks(), "Kafka trades");
 * }</pre>
 */
public final class KafkaInput<T extends SpecificRecordBase> {

  private final String job;
  private final TopicSpec<T> topic;
  private final Configuration config;
  private final RecordCheck<T> check;

  private KafkaInput(String job, TopicSpec<T> topic, Configuration config, RecordCheck<T> check) {
    this.job = Preconditions.checkNotNull(job, "job");
    this.topic = Preconditions.checkNotNull(topic, "topic");
    this.config = Preconditions.checkNotNull(config, "config");
    this.check = Preconditions.checkNotNull(check, "check");
  }

  /**
   * @param job the job's name, the first part of its dead letters' stages and its default group
   */
  public static <T extends SpecificRecordBase> KafkaInput<T> of(
      String job, TopicSpec<T> topic, Configuration config) {
    return new KafkaInput<>(job, topic, config, RecordCheck.none());
  }

  /**
   * The input of a topic the job reads only when {@code topicOption} names it (the microstructure
   * job's liquidity topic, say): empty when the option is absent or blank.
   */
  public static <T extends SpecificRecordBase> Optional<KafkaInput<T>> optional(
      String job, TopicSpec<T> topic, ConfigOption<String> topicOption, Configuration config) {
    Preconditions.checkNotNull(topicOption, "topicOption");
    return Optional.ofNullable(config.get(topicOption))
        .filter(name -> !name.isBlank())
        .map(name -> of(job, topic.withName(name.trim()), config));
  }

  /** Rejects, as dead letters, the records {@code check} finds a problem with. */
  public KafkaInput<T> withCheck(RecordCheck<T> check) {
    return new KafkaInput<>(job, topic, config, check);
  }

  /**
   * The source: from {@code source.start}, bounded by {@code source.stop}; in a {@link Backtest},
   * the offsets of its range and only the records of its event times.
   *
   * @throws IllegalArgumentException if a TIMESTAMP start or stop has no timestamp, or the options
   *     are not a backtest
   */
  public KafkaSource<Consumed<T>> source() {
    return source(ValueReading.avro(topic), check);
  }

  /**
   * The source with each value read by {@code reading} instead of decoded whole; {@link
   * #withCheck}'s check, which judges decoded records, is not applied (a time check is, when the
   * reading has receive times).
   */
  public <V> KafkaSource<Consumed<V>> source(ValueReading<V> reading) {
    return source(reading, RecordCheck.none());
  }

  private <V> KafkaSource<Consumed<V>> source(ValueReading<V> reading, RecordCheck<V> check) {
    Optional<Backtest> backtest = Backtest.of(config);
    Configuration bounds = backtest.map(b -> b.bound(config)).orElse(config);
    KafkaSourceBuilder<Consumed<V>> builder =
        KafkaSource.<Consumed<V>>builder()
            .setBootstrapServers(config.get(JobOptions.BOOTSTRAP_SERVERS))
            .setGroupId(groupId(config, job))
            .setTopics(topic.name())
            .setDeserializer(
                new ConsumedDeserializer<>(
                    job,
                    reading,
                    check,
                    TimeBounds.from(config),
                    deadLetters(config),
                    backtest.map(Backtest::eventTimes).orElse(EventTimeRange.ALL)))
            .setStartingOffsets(startingOffsets(bounds));
    switch (bounds.get(JobOptions.STOP_AT)) {
      case LATEST -> builder.setBounded(OffsetsInitializer.latest());
      case TIMESTAMP ->
          builder.setBounded(
              OffsetsInitializer.timestamp(
                  required(bounds, JobOptions.STOP_TIMESTAMP_MS, "--source.stop TIMESTAMP")));
      case NEVER -> {}
    }
    return builder.build();
  }

  /**
   * Timestamps from the record's event time, a bounded out-of-orderness, idle partitions ignored.
   */
  public WatermarkStrategy<Consumed<T>> watermarks() {
    return watermarks(topic.eventTime());
  }

  private <V> WatermarkStrategy<Consumed<V>> watermarks(RecordTime<V> eventTime) {
    return WatermarkStrategy.<Consumed<V>>forBoundedOutOfOrderness(
            config.get(JobOptions.OUT_OF_ORDERNESS))
        .withTimestampAssigner(new EventTimeOf<>(eventTime))
        .withIdleness(config.get(JobOptions.IDLENESS));
  }

  /** The source in {@code env}, with its watermarks, uid and name. */
  public SingleOutputStreamOperator<Consumed<T>> addTo(
      StreamExecutionEnvironment env, String uid, String name) {
    return env.fromSource(source(), watermarks(), name).uid(uid).name(name);
  }

  /**
   * The source of {@link #source(ValueReading)} in {@code env}, with its watermarks, uid and name.
   */
  public <V> SingleOutputStreamOperator<Consumed<V>> addTo(
      StreamExecutionEnvironment env, String uid, String name, ValueReading<V> reading) {
    return env.fromSource(source(reading), watermarks(reading.eventTime()), name)
        .uid(uid)
        .name(name);
  }

  public TopicSpec<T> topic() {
    return topic;
  }

  /**
   * The consumer group: {@code kafka.group-id}, or {@code marketflow-<job>}; in a {@link Backtest}
   * with its suffix, so that it neither moves the live job's offsets nor, as the prefix of the
   * sinks' transactional ids, aborts the live job's transactions.
   */
  public static String groupId(Configuration config, String job) {
    String group = config.getOptional(JobOptions.GROUP_ID).orElse("marketflow-" + job);
    return Backtest.of(config).map(b -> b.groupId(group)).orElse(group);
  }

  /** How the job's dead letters are made, from {@code dead-letters.max-raw-bytes}. */
  public static DeadLetters deadLetters(Configuration config) {
    return DeadLetters.withMaxRawBytes(config.get(JobOptions.DEAD_LETTER_MAX_RAW_BYTES));
  }

  private static OffsetsInitializer startingOffsets(Configuration config) {
    return switch (config.get(JobOptions.START_FROM)) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case COMMITTED_OR_EARLIEST ->
          OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case TIMESTAMP ->
          OffsetsInitializer.timestamp(
              required(config, JobOptions.START_TIMESTAMP_MS, "--source.start TIMESTAMP"));
    };
  }

  private static long required(Configuration config, ConfigOption<Long> option, String with) {
    return config
        .getOptional(option)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "missing --" + option.key() + ", required with " + with));
  }
}
