package org.marketflow.ingest.pariflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.ingest.pariflow.EngineMessages.MAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.TAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.YES;
import static org.marketflow.ingest.pariflow.EngineMessages.delta;
import static org.marketflow.ingest.pariflow.EngineMessages.level;
import static org.marketflow.ingest.pariflow.EngineMessages.levels;
import static org.marketflow.ingest.pariflow.EngineMessages.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.DeadLetters;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.servers.TopicContents;

/** Engine JSON in the engine's topics, normalized Avro out of the bridge, on a real broker. */
@ExtendWith(KafkaExtension.class)
class PariflowBridgeITCase {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long ENGINE_TIME_MS = 1_714_564_800_400L;
  private static final String BOOK_KEY = "evt-2024-election:out-7:YES";

  @Test
  void publishesTheEnginesTradesAndBooksAsNormalizedRecordsAndCommitsAfterFlushing(
      KafkaTopic engineTrades,
      KafkaTopic engineBook,
      KafkaTopic trades,
      KafkaTopic book,
      KafkaTopic status,
      KafkaTopic deadLetters)
      throws Exception {
    String bootstrap = engineTrades.bootstrapServers();
    produce(
        bootstrap,
        engineTrades.name(),
        EngineMessages.trade("t-1"),
        EngineMessages.trade("t-2", "YES", "0.64", "5"),
        EngineMessages.trade("t-1"), // repeated by the engine: dropped
        EngineMessages.trade("t-3", "YES", "1.2", "5")); // out of range: a dead letter
    produce(
        bootstrap,
        engineBook.name(),
        snapshot(1, levels(level(0.6, 100, 3)), levels(level(0.62, 80, 2))),
        delta(2, levels(level(0.61, 40, 1)), levels()),
        delta(4, levels(level(0.59, 5, 1)), levels()), // 3 is missing: a gap
        "{\"kind\":\"delta\",\"takerUserId\":" + TAKER + "}", // not JSON
        snapshot(4, levels(level(0.61, 40, 1)), levels(level(0.62, 80, 2))));

    PariflowTopics topics = new PariflowTopics(engineTrades.name(), engineBook.name());
    String group = "pariflow-bridge-" + engineTrades.name();
    List<String> resyncs = new ArrayList<>();
    try (NormalizedPublisher publisher =
            new NormalizedPublisher(
                bootstrap,
                Map.of(
                    Topics.TRADES, trades.name(),
                    Topics.BOOK, book.name(),
                    Topics.STATUS, status.name(),
                    Topics.DEAD_LETTERS, deadLetters.name()),
                DeadLetters.DEFAULT);
        PariflowBridge bridge =
            PariflowBridge.toPublisher(bootstrap, group, topics, publisher, resyncs::add)) {
      assertThat(bridge.runToEnd()).isEqualTo(9);
    }

    List<Trade> publishedTrades = read(trades, Trade.class);
    assertThat(publishedTrades)
        .extracting(Trade::getInstrument, Trade::getTradeId, Trade::getPrice, Trade::getSize)
        .containsExactly(tuple(YES, "t-1", 0.62, 20.0), tuple(YES, "t-2", 0.64, 5.0));
    assertThat(publishedTrades.get(0).getReceiveTimeUs()).isEqualTo(ENGINE_TIME_MS * 1_000L);
    List<BookUpdate> updates = read(book, BookUpdate.class);
    assertThat(updates)
        .extracting(BookUpdate::getKind, BookUpdate::getLastSequence)
        .containsExactly(
            tuple(BookUpdateKind.SNAPSHOT, 1L),
            tuple(BookUpdateKind.DELTA, 2L),
            tuple(BookUpdateKind.SNAPSHOT, 4L));
    assertThat(updates.get(0).getAsks()).containsExactly(new BookLevel(0.62, 80.0, 2));
    assertThat(read(status, FeedStatus.class))
        .extracting(
            FeedStatus::getInstrument,
            FeedStatus::getState,
            FeedStatus::getExpectedSequence,
            FeedStatus::getReceivedSequence)
        .containsExactly(
            tuple(YES, FeedState.GAP, 3L, 4L), tuple(YES, FeedState.RESYNCED, null, 4L));
    assertThat(resyncs).containsExactly(BOOK_KEY);

    List<DeadLetter> letters = read(deadLetters, DeadLetter.class);
    assertThat(letters)
        .extracting(
            DeadLetter::getStage,
            DeadLetter::getSourceTopic,
            DeadLetter::getSourcePartition,
            DeadLetter::getSourceOffset)
        .containsExactlyInAnyOrder(
            tuple(PariflowFeed.STAGE, engineTrades.name(), 0, 3L),
            tuple(PariflowFeed.STAGE, engineBook.name(), 0, 3L));
    assertThat(letters)
        .extracting(DeadLetter::getReason)
        .containsExactlyInAnyOrder(
            "trade: field 'price' is outside [0.01, 0.99]: 1.2"
                + " [2 value(s) of fields outside the engine format removed]",
            "invalid JSON [raw cut at byte 15 where it stops being JSON]");
    assertThat(letters)
        .extracting(letter -> StandardCharsets.UTF_8.decode(letter.getRaw()).toString())
        .contains("{\"kind\":\"delta\"");

    for (KafkaTopic topic : List.of(trades, book, status, deadLetters)) {
      for (ConsumerRecord<byte[], byte[]> record : readRecords(topic)) {
        assertThat(new String(record.value(), StandardCharsets.ISO_8859_1))
            .as("a record of %s", topic.name())
            .doesNotContain(MAKER, TAKER, "user-");
      }
    }
    assertThat(readRecords(trades).get(0).key()).isEqualTo(YES.getBytes(StandardCharsets.UTF_8));

    assertThat(committed(bootstrap, group, engineTrades, engineBook))
        .isEqualTo(Map.of(engineTrades.name(), 4L, engineBook.name(), 5L));
    try (NormalizedPublisher publisher =
            new NormalizedPublisher(
                bootstrap,
                Map.of(
                    Topics.TRADES, trades.name(),
                    Topics.BOOK, book.name(),
                    Topics.STATUS, status.name(),
                    Topics.DEAD_LETTERS, deadLetters.name()),
                DeadLetters.DEFAULT);
        PariflowBridge again =
            PariflowBridge.toPublisher(bootstrap, group, topics, publisher, resyncs::add)) {
      assertThat(again.runToEnd()).as("everything was committed").isZero();
    }
  }

  private static void produce(String bootstrap, String topic, String... values)
      throws InterruptedException, ExecutionException {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, null, ENGINE_TIME_MS, BOOK_KEY, value)).get();
      }
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readRecords(KafkaTopic topic) {
    return TopicContents.readAll(topic.bootstrapServers(), topic.name(), TIMEOUT);
  }

  private static <T extends SpecificRecordBase> List<T> read(KafkaTopic topic, Class<T> type)
      throws IOException {
    return TopicContents.readAll(topic.bootstrapServers(), topic.name(), type, TIMEOUT);
  }

  private static Map<String, Long> committed(String bootstrap, String group, KafkaTopic... topics) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      Set<TopicPartition> partitions = new HashSet<>();
      for (KafkaTopic topic : topics) {
        partitions.add(new TopicPartition(topic.name(), 0));
      }
      Map<String, Long> offsets = new HashMap<>();
      for (Map.Entry<TopicPartition, OffsetAndMetadata> entry :
          consumer.committed(partitions, TIMEOUT).entrySet()) {
        offsets.put(entry.getKey().topic(), entry.getValue().offset());
      }
      return offsets;
    }
  }
}
