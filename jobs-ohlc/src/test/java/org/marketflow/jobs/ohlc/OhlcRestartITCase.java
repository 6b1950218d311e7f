package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.trade;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.db.DatabaseMigrations;
import org.marketflow.testing.junit.FailOnce;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.PostgresServer;
import org.marketflow.testing.servers.TableDigests;

/**
 * A replay run twice, each into a fresh database: once uninterrupted, once with a failure halfway
 * through its trades, after a checkpoint has completed, and a restart from the latest checkpoint.
 * The tables the job writes come out the same, revisions aside: how many times a bar was emitted
 * before its final revision depends on how the watermark advanced, which a restart changes.
 */
@ExtendWith(KafkaExtension.class)
class OhlcRestartITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final int TRADES_PER_INSTRUMENT = 12_000;
  private static final List<String> INSTRUMENTS = List.of("BINANCE:BTCUSDT", "BINANCE:ETHUSDT");

  /** Every column but the revision, whose count of emissions a restart may change. */
  private static final String BARS =
      "(SELECT instrument, bar_interval, bucket_start, open, high,"
          + " low, close, volume, quote_volume, trade_count, vwap, first_trade_time, last_trade_time,"
          + " buy_volume, sell_volume, buy_trade_count, sell_trade_count, is_final FROM ohlc_bars)";

  private static final List<String> TABLES =
      List.of(BARS, "trades", "market_statistics", "market_statistics_latest");

  @Test
  void aRestartFromACheckpointInTheMiddleLeavesTheTablesOfAnUninterruptedRun(
      EmbeddedKafka kafka,
      @TopicPartitions(2) KafkaTopic tradesTopic,
      PostgresDatabase db,
      PostgresServer server)
      throws Exception {
    String trades = tradesTopic.name();
    publish(kafka, trades);
    JobRunner.execute(new OhlcJob(), config(kafka, trades, db, "it-whole-" + trades));
    Map<String, String> uninterrupted = TableDigests.of(db, TABLES);
    assertThat(uninterrupted.get("trades")).startsWith((2 * TRADES_PER_INSTRUMENT) + " ");

    try (PostgresDatabase restarted = server.createDatabase("restarted")) {
      DatabaseMigrations.migrate(restarted.jdbcUrl(), restarted.user(), restarted.password());
      Configuration config = config(kafka, trades, restarted, "it-restarted-" + trades);
      config.set(JobOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(150));
      config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
      config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
      FailOnce.reset(TRADES_PER_INSTRUMENT / 2);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.configure(config);
      JobRunner.prepare(
          new OhlcJob(
              input ->
                  input
                      .map(new FailOnce<>(), input.getType())
                      .setParallelism(input.getParallelism())
                      .name("Fail once")),
          env,
          config);
      env.execute(OhlcJob.NAME);

      assertThat(FailOnce.FAILURES.get()).isEqualTo(1);
      assertThat(FailOnce.CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
      assertThat(FailOnce.RESTORED.get()).isPositive();
      assertThat(TableDigests.of(restarted, TABLES)).isEqualTo(uninterrupted);
    }
  }

  private static Configuration config(
      EmbeddedKafka kafka, String trades, PostgresDatabase db, String group) {
    return JobConfigBuilder.bounded(kafka.bootstrapServers(), group)
        .jdbc(db.jdbcUrl(), db.user(), db.password())
        .set(OhlcOptions.TRADES_TOPIC, trades)
        .set(OhlcOptions.BARS_TOPIC, kafka.uniqueTopic("bars"))
        .set(OhlcOptions.STATISTICS_TOPIC, kafka.uniqueTopic("statistics"))
        .set(JobOptions.DEAD_LETTERS_TOPIC, kafka.uniqueTopic("dead-letters"))
        .build();
  }

  /** Ten minutes of two instruments' trades, 50 ms apart, prices wandering, both sides. */
  private static void publish(EmbeddedKafka kafka, String topic) throws Exception {
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < TRADES_PER_INSTRUMENT; i++) {
        for (String instrument : INSTRUMENTS) {
          long timeUs = MINUTE_US + i * 50_000L;
          Trade t = trade(instrument, timeUs, i + 1, 100.0 + (i * 7 % 23) - (i % 5), 0.1 + i % 3);
          t.setSide(i % 3 == 0 ? Side.SELL : Side.BUY);
          producer.send(
              new ProducerRecord<>(
                  topic,
                  null,
                  timeUs / 1_000,
                  instrument.getBytes(StandardCharsets.UTF_8),
                  codec.encode(t)));
        }
      }
    }
  }
}
