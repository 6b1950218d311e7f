package org.marketflow.jobs.ohlc.sinks;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.marketflow.jobs.ohlc.OhlcOptions;

/**
 * The job's Kafka sinks. Exactly-once by default: records are written in Kafka transactions that
 * commit with each checkpoint, so a restart never publishes a bar or a dead letter twice to a
 * {@code read_committed} consumer.
 */
public final class KafkaSinks {

  /**
   * Brokers refuse transactions longer than their {@code transaction.max.timeout.ms} (15 minutes by
   * default); the connector's own default of one hour would fail on a stock broker.
   */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private KafkaSinks() {}

  /**
   * @param name distinguishes this sink's transactional ids from the job's other sinks
   */
  public static <T> KafkaSink<T> create(
      Configuration config, String name, KafkaRecordSerializationSchema<T> serializer) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(config.get(OhlcOptions.BOOTSTRAP_SERVERS))
        .setDeliveryGuarantee(config.get(OhlcOptions.KAFKA_DELIVERY))
        .setTransactionalIdPrefix(config.get(OhlcOptions.GROUP_ID) + "-" + name)
        .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT.toMillis()))
        .setRecordSerializer(serializer)
        .build();
  }
}
