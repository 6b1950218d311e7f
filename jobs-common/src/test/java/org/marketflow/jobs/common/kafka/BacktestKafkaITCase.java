package org.marketflow.jobs.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marketflow.jobs.common.options.JobConfigBuilder;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.common.validation.TradeCheck;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.TopicSpec;
import org.marketflow.testing.junit.FlinkMiniCluster;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.junit.TopicPartitions;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.TopicContents;

/**
 * A backtest's Kafka source and sinks on a real broker: the source reads a topic's range by Kafka
 * timestamp and passes on exactly the records whose event time is in {@code [from, to)}; the sinks
 * write the backtest's own topics.
 */
@ExtendWith(KafkaExtension.class)
class BacktestKafkaITCase {

  @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

  private static final Instant FROM = Instant.parse("2025-01-15T10:00:00Z");
  private static final Instant TO = Instant.parse("2025-01-15T11:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String INSTRUMENT = "BINANCE:BTCUSDT";

  private final AvroCodec<Trade> codec = AvroCodec.of(Trade.class);

  @Test
  void readsTheEventTimesOfTheRangeAndNothingElse(
      EmbeddedKafka kafka, @TopicPartitions(2) KafkaTopic trades) throws Exception {
    // Each partition in arrival order; the watermark's out-of-orderness is 2 s.
    try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
      send(producer, trades, 0, trade(FROM, -5_000, 1, 100.0)); // before the start offset
      send(producer, trades, 0, trade(FROM, 1_000, 2, 100.0)); // the start offset
      send(producer, trades, 0, trade(FROM, -1_000, 3, 100.0)); // read, but before the range
      send(producer, trades, 0, trade(FROM, 2_000, 4, -1.0)); // invalid: a dead letter
      sendGarbage(producer, trades, 0, FROM.toEpochMilli() + 3_000); // a dead letter
      send(producer, trades, 0, trade(TO, -1, 5, 100.0));
      send(producer, trades, 0, trade(TO, 500, 6, 100.0)); // read, but past the range
      send(producer, trades, 0, trade(TO, -300, 7, 100.0)); // in the range, after a later one
      sendGarbage(producer, trades, 0, TO.toEpochMilli() + 1_000); // read, but past the range
      send(producer, trades, 0, trade(TO, 3_000, 8, 100.0)); // the stop offset
      send(producer, trades, 0, trade(TO, -100, 9, 100.0)); // never read
      send(producer, trades, 1, trade(FROM, 0, 10, 100.0)); // the first event time of the range
      send(producer, trades, 1, trade(TO, 0, 11, 100.0)); // the first one past it
      producer.flush();
    }
    Configuration config =
        JobConfigBuilder.backtest(kafka.bootstrapServers(), "it-" + trades.name(), "q1", FROM, TO)
            .build();
    KafkaInput<Trade> input =
        KafkaInput.of("jobs-x", TopicSpec.TRADES.withName(trades.name()), config)
            .withCheck(new TradeCheck());

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<Consumed<Trade>> read = new ArrayList<>();
    try (CloseableIterator<Consumed<Trade>> records =
        input.addTo(env, "backtest-source", "Kafka trades").executeAndCollect("backtest-source")) {
      records.forEachRemaining(read::add);
    }

    assertThat(read.stream().filter(c -> !c.isRejected()).map(c -> c.value.getSequence()))
        .containsExactlyInAnyOrder(2L, 5L, 7L, 10L);
    assertThat(read.stream().filter(Consumed::isRejected).map(c -> c.deadLetter.getStage()))
        .containsExactlyInAnyOrder("jobs-x.validate", "jobs-x.decode");
  }

  @Test
  void writesTheBacktestsOwnTopicsNeverTheLiveOnes(EmbeddedKafka kafka) throws Exception {
    String live = kafka.uniqueTopic("bars-live");
    String backtestTopic = live + ".backtest.q1";
    kafka.createTopic(backtestTopic, 1);
    Configuration config =
        JobConfigBuilder.backtest(kafka.bootstrapServers(), "it-" + live, "q1", FROM, TO).build();
    List<Trade> written = List.of(trade(FROM, 0, 1, 100.0), trade(FROM, 1_000, 2, 101.0));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(JobConfigBuilder.TEST_CHECKPOINT_INTERVAL.toMillis());
    env.fromData(written)
        .sinkTo(TopicSink.fromOptions(config, "jobs-x", "out", TopicSpec.TRADES.withName(live)))
        .uid("backtest-sink")
        .name("Kafka out");
    env.execute("backtest-sink");

    // The sink's last transaction is committed as the job finishes; a read_committed reader may
    // see the topic end before that commit is visible, so read again until it is (or time is up).
    List<Trade> read = List.of();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (read.size() < written.size() && System.nanoTime() < deadline) {
      read = TopicContents.readAll(kafka.bootstrapServers(), backtestTopic, Trade.class, TIMEOUT);
    }
    assertThat(read).containsExactlyInAnyOrderElementsOf(written);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      assertThat(admin.listTopics().names().get()).contains(backtestTopic).doesNotContain(live);
    }
  }

  /** A trade of {@link #INSTRUMENT} at {@code at} plus {@code offsetMs}. */
  private static Trade trade(Instant at, long offsetMs, long sequence, double price) {
    return org.marketflow.testing.data.Trades.trade(
        INSTRUMENT, (at.toEpochMilli() + offsetMs) * 1_000, sequence, price, 1.0);
  }

  private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers(), "enable.idempotence", true),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** As the suite's producers send it: stamped with its event time. */
  private void send(
      KafkaProducer<byte[], byte[]> producer, KafkaTopic topic, int partition, Trade trade)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic.name(),
                partition,
                TopicSpec.TRADES.timestampMs(trade),
                TopicSpec.TRADES.keyBytes(trade),
                codec.encode(trade)))
        .get();
  }

  private static void sendGarbage(
      KafkaProducer<byte[], byte[]> producer, KafkaTopic topic, int partition, long timestampMs)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic.name(), partition, timestampMs, null, new byte[] {(byte) 0xFF, 1, 2}))
        .get();
  }
}
