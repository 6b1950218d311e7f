package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.jobs.ohlc.Trades.MINUTE_US;
import static org.marketflow.jobs.ohlc.Trades.trade;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.LocalPostgres;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.TopicContents;

/** The packaged job's wiring on real Kafka and PostgreSQL: bars, the bars topic, dead letters. */
class OhlcJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String YES = "PARIFLOW:e1:o1:YES";

  @Test
  void computesBarsIntoPostgresAndKafkaAndRoutesBadInputToDeadLetters() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    String trades = kafka.uniqueTopic("trades");
    String bars = kafka.uniqueTopic("bars");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    kafka.createTopic(bars, 2);
    kafka.createTopic(deadLetters, 1);
    try (PostgresDatabase db = LocalPostgres.shared().createDatabase("ohlc_job")) {

      AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
      try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
        List<Trade> input =
            List.of(
                trade(BTC, MINUTE_US + 1_000_000, 1, 100.0, 1.0),
                trade(YES, MINUTE_US + 2_000_000, 1, 0.40, 10.0),
                trade(BTC, MINUTE_US + 30_000_000, 2, 104.0, 0.5),
                trade(BTC, MINUTE_US + 61_000_000, 3, 103.0, 2.0),
                trade(YES, MINUTE_US + 62_000_000, 2, 0.45, 20.0),
                trade(BTC, MINUTE_US + 90_000_000, 4, -1.0, 1.0)); // invalid price
        for (Trade t : input) {
          producer.send(
              record(trades, t.getInstrument(), t.getExchangeTimeUs() / 1000, codec.encode(t)));
        }
        producer.send(
            record(trades, BTC, MINUTE_US / 1000, "not avro".getBytes(StandardCharsets.UTF_8)));
      }

      runJob(kafka, trades, bars, deadLetters, db);

      List<OhlcBarRows.Row> rows;
      try (Connection c = db.connect()) {
        rows = OhlcBarRows.all(c);
      }
      assertThat(rows)
          .containsExactly(
              new OhlcBarRows.Row(
                  BTC,
                  "1m",
                  MINUTE_US,
                  100.0,
                  104.0,
                  100.0,
                  104.0,
                  1.5,
                  152.0,
                  2,
                  152.0 / 1.5,
                  MINUTE_US + 1_000_000,
                  MINUTE_US + 30_000_000,
                  0),
              new OhlcBarRows.Row(
                  BTC,
                  "1m",
                  MINUTE_US + 60_000_000,
                  103.0,
                  103.0,
                  103.0,
                  103.0,
                  2.0,
                  206.0,
                  1,
                  103.0,
                  MINUTE_US + 61_000_000,
                  MINUTE_US + 61_000_000,
                  0),
              new OhlcBarRows.Row(
                  YES,
                  "1m",
                  MINUTE_US,
                  0.40,
                  0.40,
                  0.40,
                  0.40,
                  10.0,
                  4.0,
                  1,
                  0.4,
                  MINUTE_US + 2_000_000,
                  MINUTE_US + 2_000_000,
                  0),
              new OhlcBarRows.Row(
                  YES,
                  "1m",
                  MINUTE_US + 60_000_000,
                  0.45,
                  0.45,
                  0.45,
                  0.45,
                  20.0,
                  9.0,
                  1,
                  0.45,
                  MINUTE_US + 62_000_000,
                  MINUTE_US + 62_000_000,
                  0));

      AvroCodec<OhlcBar> barCodec = AvroCodec.of(OhlcBar.class);
      List<OhlcBar> published = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r :
          TopicContents.readAll(kafka.bootstrapServers(), bars, TIMEOUT)) {
        published.add(barCodec.decode(r.value()));
        assertThat(new String(r.key(), StandardCharsets.UTF_8))
            .isEqualTo(published.get(published.size() - 1).getInstrument());
      }
      assertThat(published).hasSize(4);

      AvroCodec<DeadLetter> letterCodec = AvroCodec.of(DeadLetter.class);
      List<String> reasons = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r :
          TopicContents.readAll(kafka.bootstrapServers(), deadLetters, TIMEOUT)) {
        DeadLetter letter = letterCodec.decode(r.value());
        reasons.add(letter.getStage() + ": " + letter.getReason());
      }
      assertThat(reasons)
          .containsExactlyInAnyOrder(
              "jobs-ohlc.validate: price must be a positive finite number, not -1.0",
              "jobs-ohlc.decode: not an Avro Trade: java.io.EOFException");

      // A second run over the same range (a restart without committed offsets, or a backtest)
      // leaves the table exactly as it was.
      runJob(kafka, trades, bars, deadLetters, db);
      try (Connection c = db.connect()) {
        assertThat(OhlcBarRows.all(c)).isEqualTo(rows);
      }
    }
  }

  private static void runJob(
      EmbeddedKafka kafka, String trades, String bars, String deadLetters, PostgresDatabase db)
      throws Exception {
    Configuration config = new Configuration();
    config.set(OhlcOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    config.set(OhlcOptions.TRADES_TOPIC, trades);
    config.set(OhlcOptions.BARS_TOPIC, bars);
    config.set(OhlcOptions.DEAD_LETTERS_TOPIC, deadLetters);
    config.set(OhlcOptions.GROUP_ID, "it-" + trades);
    config.set(OhlcOptions.START_FROM, OhlcOptions.StartFrom.EARLIEST);
    config.set(OhlcOptions.STOP_AT, OhlcOptions.StopAt.LATEST);
    config.set(OhlcOptions.JDBC_URL, db.jdbcUrl());
    config.set(OhlcOptions.JDBC_USER, db.user());
    config.set(OhlcOptions.JDBC_PASSWORD, db.password());
    config.set(OhlcOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(500));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    OhlcJob.wire(env, config);
    env.execute("ohlc-it");
  }

  private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, String key, long timestampMs, byte[] value) {
    return new ProducerRecord<>(
        topic, null, timestampMs, key.getBytes(StandardCharsets.UTF_8), value);
  }
}
