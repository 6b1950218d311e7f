package org.marketflow.jobs.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.MINUTE_US;
import static org.marketflow.testing.data.Trades.trade;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.JobRunner;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.options.JobOptions;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.testing.data.OhlcBarRows;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.PostgresExtension;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.PostgresDatabase;
import org.marketflow.testing.servers.TopicContents;

/** The packaged job's wiring on real Kafka and PostgreSQL: bars, the bars topic, dead letters. */
@ExtendWith(KafkaExtension.class)
class OhlcJobITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  @RegisterExtension
  static final PostgresExtension POSTGRES = PostgresExtension.perTest().migrated();

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String YES = "PARIFLOW:e1:o1:YES";

  @Test
  void computesBarsIntoPostgresAndKafkaAndRoutesBadInputToDeadLetters(
      EmbeddedKafka kafka,
      @TopicPartitions(2) KafkaTopic tradesTopic,
      @TopicPartitions(2) KafkaTopic barsTopic,
      KafkaTopic deadLettersTopic,
      PostgresDatabase db)
      throws Exception {
    String trades = tradesTopic.name();
    String bars = barsTopic.name();
    String deadLetters = deadLettersTopic.name();

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
                0,
                1.5,
                0.0,
                2,
                0,
                true),
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
                0,
                2.0,
                0.0,
                1,
                0,
                true),
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
                0,
                10.0,
                0.0,
                1,
                0,
                true),
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
                0,
                20.0,
                0.0,
                1,
                0,
                true));

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
      // Every dead letter says where its record is: the trades topic, a partition, an offset.
      assertThat(letter.getSourceTopic()).isEqualTo(trades);
      assertThat(letter.getSourcePartition()).isBetween(0, 1);
      assertThat(letter.getSourceOffset()).isNotNull();
      assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(letter.getStage());
    }
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "jobs-ohlc.validate: price must be a positive finite number, not -1.0",
            "jobs-ohlc.decode: not an Avro Trade: java.io.EOFException");

    // Every valid trade is in the archive.
    assertThat(archivedTrades(db)).isEqualTo(5);

    // A second run over the same range (a restart without committed offsets, or a backtest)
    // leaves the tables exactly as they were.
    runJob(kafka, trades, bars, deadLetters, db);
    try (Connection c = db.connect()) {
      assertThat(OhlcBarRows.all(c)).isEqualTo(rows);
    }
    assertThat(archivedTrades(db)).isEqualTo(5);
  }

  @Test
  void cutsARecordTooLargeForTheDeadLetterTopicInsteadOfFailing(
      EmbeddedKafka kafka, KafkaTopic deadLettersTopic, PostgresDatabase db) throws Exception {
    // An input topic that takes 4 MiB records, and a dead-letter topic at Kafka's 1 MiB default.
    String trades = kafka.uniqueTopic("large-trades");
    kafka.createTopic(trades, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4194304"));
    byte[] junk = new byte[3 * 1024 * 1024];
    Arrays.fill(junk, (byte) 0xFF);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                5 * 1024 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(record(trades, BTC, MINUTE_US / 1000, junk)).get();
    }

    runJob(kafka, trades, kafka.uniqueTopic("unused-bars"), deadLettersTopic.name(), db);

    List<ConsumerRecord<byte[], byte[]>> records =
        TopicContents.readAll(kafka.bootstrapServers(), deadLettersTopic.name(), TIMEOUT);
    assertThat(records).hasSize(1);
    DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(records.get(0).value());
    assertThat(letter.getStage()).isEqualTo("jobs-ohlc.decode");
    assertThat(letter.getRawTruncated()).isTrue();
    assertThat(letter.getOriginalSize()).isEqualTo(junk.length);
    assertThat(letter.getRaw().remaining()).isEqualTo(DeadLetters.DEFAULT_MAX_RAW_BYTES);
    assertThat(letter.getSourceOffset()).isZero();
  }

  private static void runJob(
      EmbeddedKafka kafka, String trades, String bars, String deadLetters, PostgresDatabase db)
      throws Exception {
    Configuration config =
        JobConfigBuilder.bounded(kafka.bootstrapServers(), "it-" + trades)
            .jdbc(db.jdbcUrl(), db.user(), db.password())
            .set(OhlcOptions.TRADES_TOPIC, trades)
            .set(OhlcOptions.BARS_TOPIC, bars)
            .set(OhlcOptions.INTERVALS, List.of("1m"))
            .set(JobOptions.DEAD_LETTERS_TOPIC, deadLetters)
            .build();
    JobRunner.execute(new OhlcJob(), config);
  }

  private static long archivedTrades(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT count(DISTINCT (instrument, trade_id)) FROM trades")) {
      rs.next();
      return rs.getLong(1);
    }
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
