package org.marketflow.jobs.ohlc;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.marketflow.jobs.ohlc.functions.TradeTimestamps;
import org.marketflow.jobs.ohlc.records.TradeEnvelope;
import org.marketflow.jobs.ohlc.serialization.TradeEnvelopeDeserializer;

/** The Kafka source of normalized trades and its watermark strategy, from {@link OhlcOptions}. */
public final class TradesSource {

  private TradesSource() {}

  public static KafkaSource<TradeEnvelope> create(Configuration config) {
    KafkaSourceBuilder<TradeEnvelope> builder =
        KafkaSource.<TradeEnvelope>builder()
            .setBootstrapServers(config.get(OhlcOptions.BOOTSTRAP_SERVERS))
            .setGroupId(config.get(OhlcOptions.GROUP_ID))
            .setTopics(config.get(OhlcOptions.TRADES_TOPIC))
            .setDeserializer(new TradeEnvelopeDeserializer())
            .setStartingOffsets(startingOffsets(config));
    switch (config.get(OhlcOptions.STOP_AT)) {
      case LATEST -> builder.setBounded(OffsetsInitializer.latest());
      case TIMESTAMP ->
          builder.setBounded(
              OffsetsInitializer.timestamp(required(config, OhlcOptions.STOP_TIMESTAMP_MS)));
      case NEVER -> {}
    }
    return builder.build();
  }

  /** Timestamps from the trade itself, a bounded out-of-orderness, and idle partitions ignored. */
  public static WatermarkStrategy<TradeEnvelope> watermarks(Configuration config) {
    return WatermarkStrategy.<TradeEnvelope>forBoundedOutOfOrderness(
            config.get(OhlcOptions.OUT_OF_ORDERNESS))
        .withTimestampAssigner(new TradeTimestamps())
        .withIdleness(config.get(OhlcOptions.IDLENESS));
  }

  private static OffsetsInitializer startingOffsets(Configuration config) {
    return switch (config.get(OhlcOptions.START_FROM)) {
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case COMMITTED_OR_EARLIEST ->
          OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case TIMESTAMP ->
          OffsetsInitializer.timestamp(required(config, OhlcOptions.START_TIMESTAMP_MS));
    };
  }

  private static long required(
      Configuration config, org.apache.flink.configuration.ConfigOption<Long> option) {
    return config
        .getOptional(option)
        .orElseThrow(() -> new IllegalArgumentException("missing --" + option.key()));
  }
}
