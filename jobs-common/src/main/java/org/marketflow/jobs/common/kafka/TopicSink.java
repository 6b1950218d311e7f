package org.marketflow.jobs.common.kafka;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.options.Backtest;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * A Kafka sink for one topic, laid out by its {@link TopicSpec}. Exactly-once sinks write in Kafka
 * transactions that commit with each checkpoint, so a restart never publishes a record twice to a
 * {@code read_committed} consumer.
 *
 * <pre>{@code
 * KafkaSink<OhlcBar> bars = TopicSink.builder(TopicSpec.BARS)
 *     .bootstrapServers("kafka:9092").transactionalIdPrefix("marketflow-jobs-ohlc-bars")
 *     .buildExactlyOnce();
 * }</pre>
 */
public final class TopicSink<T extends SpecificRecordBase> {

  /**
   * Brokers refuse transactions longer than their {@code transaction.max.timeout.ms} (15 minutes by
   * default); the connector's own default of one hour would fail on a stock broker.
   */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private final TopicSpec<T> topic;
  private String bootstrapServers;
  private String transactionalIdPrefix;

  private TopicSink(TopicSpec<T> topic) {
    this.topic = Preconditions.checkNotNull(topic, "topic");
  }

  public static <T extends SpecificRecordBase> TopicSink<T> builder(TopicSpec<T> topic) {
    return new TopicSink<>(topic);
  }

  /**
   * The sink a job's options ask for: their brokers and delivery guarantee, and transactional ids
   * {@code <group>-<name>}, unique among the job's sinks. In a {@link Backtest} the records go to
   * the backtest's topic, {@code <topic>.backtest.<name>}, and never to {@code topic} itself.
   */
  public static <T extends SpecificRecordBase> KafkaSink<T> fromOptions(
      Configuration config, String job, String name, TopicSpec<T> topic) {
    return builder(topic(config, topic))
        .bootstrapServers(config.get(JobOptions.BOOTSTRAP_SERVERS))
        .transactionalIdPrefix(KafkaInput.groupId(config, job) + "-" + name)
        .build(config.get(JobOptions.KAFKA_DELIVERY));
  }

  /**
   * The topic a job with these options writes in place of {@code topic}: itself, if not a backtest.
   */
  public static <T extends SpecificRecordBase> TopicSpec<T> topic(
      Configuration config, TopicSpec<T> topic) {
    return Backtest.of(config).map(b -> topic.withName(b.topic(topic.name()))).orElse(topic);
  }

  /**
   * The job's dead-letter sink: {@code topic.dead-letters}, as {@link #fromOptions} (a backtest's
   * dead letters go to its own topic too).
   */
  public static KafkaSink<DeadLetter> deadLetters(Configuration config, String job) {
    return fromOptions(
        config,
        job,
        "dead-letters",
        TopicSpec.DEAD_LETTERS.withName(config.get(JobOptions.DEAD_LETTERS_TOPIC)));
  }

  public TopicSink<T> bootstrapServers(String servers) {
    this.bootstrapServers = servers;
    return this;
  }

  /** Required for exactly-once: unique per sink among all jobs on the same brokers. */
  public TopicSink<T> transactionalIdPrefix(String prefix) {
    this.transactionalIdPrefix = prefix;
    return this;
  }

  public KafkaSink<T> buildExactlyOnce() {
    return build(DeliveryGuarantee.EXACTLY_ONCE);
  }

  public KafkaSink<T> buildAtLeastOnce() {
    return build(DeliveryGuarantee.AT_LEAST_ONCE);
  }

  /**
   * @throws IllegalArgumentException without brokers, or without a transactional id prefix for
   *     exactly-once delivery
   */
  public KafkaSink<T> build(DeliveryGuarantee guarantee) {
    Preconditions.checkArgument(
        bootstrapServers != null && !bootstrapServers.isBlank(),
        "bootstrapServers is required for the sink of topic %s",
        topic.name());
    Preconditions.checkArgument(
        guarantee != DeliveryGuarantee.EXACTLY_ONCE
            || (transactionalIdPrefix != null && !transactionalIdPrefix.isBlank()),
        "an exactly-once sink needs a transactionalIdPrefix (topic %s)",
        topic.name());
    var builder =
        KafkaSink.<T>builder()
            .setBootstrapServers(bootstrapServers)
            .setDeliveryGuarantee(guarantee)
            .setRecordSerializer(new KeyedAvroSerializer<>(topic));
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      builder
          .setTransactionalIdPrefix(transactionalIdPrefix)
          .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT.toMillis()));
    }
    return builder.build();
  }
}
