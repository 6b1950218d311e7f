package org.marketflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.Venue;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.kafka.TopicPublishers;
import org.marketflow.ingest.recording.HftBacktestRecording;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.testing.data.SharedData;
import org.marketflow.testing.junit.KafkaExtension;
import org.marketflow.testing.junit.KafkaTopic;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.TopicContents;

/** The replay tool into a real (in-process) Kafka broker. */
@ExtendWith(KafkaExtension.class)
class ReplayITCase {

  private final EmbeddedKafka kafka = EmbeddedKafka.shared();

  @Test
  void publishesEveryTradeOfTheRealRecordingKeyedAndTimestamped() throws Exception {
    String trades = kafka.uniqueTopic("trades");
    String deadLetters = kafka.uniqueTopic("dead-letters");
    kafka.createTopic(trades, 2);
    kafka.createTopic(deadLetters, 1);

    ReplayStats stats =
        replay(
            SharedData.file("binance-hftbacktest/usdm_btcusdt_20240808.gz"),
            "binance-usdm",
            trades,
            deadLetters);

    assertThat(stats.lines()).isEqualTo(93_954);
    assertThat(stats.deadLetters()).isZero();
    List<ConsumerRecord<byte[], byte[]>> records = readAll(trades);
    assertThat(records).hasSize((int) stats.trades());
    assertThat(stats.trades() + stats.ignored().getOrDefault("trade INSURANCE_FUND", 0L))
        .isLessThanOrEqualTo(21_313);
    AvroCodec<Trade> codec = AvroCodec.of(Trade.class);
    long previousId = Long.MIN_VALUE;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Trade trade = codec.decode(record.value());
      assertThat(new String(record.key(), StandardCharsets.UTF_8))
          .isEqualTo("BINANCE_USDM:BTCUSDT");
      assertThat(record.timestamp()).isEqualTo(trade.getExchangeTimeUs() / 1_000);
      assertThat(trade.getSequence())
          .as("one partition keeps venue order")
          .isGreaterThan(previousId);
      previousId = trade.getSequence();
    }
  }

  @Test
  void sendsMalformedLinesToTheDeadLetterTopicAndGoesOn(
      @TempDir Path dir, KafkaTopic tradesTopic, KafkaTopic deadLettersTopic) throws Exception {
    String trades = tradesTopic.name();
    String deadLetters = deadLettersTopic.name();
    Path file = dir.resolve("spot_test_20240808.gz");
    String good =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\","
            + "\"t\":%d,\"p\":\"61837.63\",\"q\":\"0.02\",\"T\":1723161255342,\"m\":true}}";
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          String.join(
                  "\n",
                  "1723161254087896568 " + good.formatted(1),
                  "garbage",
                  "1723161254087896569 {\"data\":{\"e\":\"trade\",\"s\":\"BTCUSDT\"}}",
                  "1723161254087896570 {not json",
                  "1723161254087896571 " + good.formatted(2),
                  "1723161254087896572 ")
              .getBytes(StandardCharsets.UTF_8));
      out.write(NOT_UTF8); // the message of line 6
    }

    ReplayStats stats = replay(file, "binance-spot", trades, deadLetters);

    assertThat(stats.trades()).isEqualTo(2);
    assertThat(stats.deadLetters()).isEqualTo(4);
    AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
    List<String> letters = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(deadLetters)) {
      DeadLetter letter = codec.decode(record.value());
      letters.add(
          letter.getSourceOffset()
              + " "
              + letter.getReason()
              + " | "
              + StandardCharsets.UTF_8.decode(letter.getRaw().duplicate()));
      assertThat(letter.getStage()).isEqualTo("ingest.replay.binance-spot");
      if (letter.getSourceOffset() == 6) {
        assertThat(bytes(letter)).as("the exact bytes of the line").isEqualTo(NOT_UTF8);
      }
      assertThat(letter.getSourceTopic()).isEqualTo("file:spot_test_20240808.gz");
    }
    assertThat(letters)
        .containsExactly(
            "2 no '<receive ns> <message>' shape | garbage",
            "3 trade: missing field 't' | {\"data\":{\"e\":\"trade\",\"s\":\"BTCUSDT\"}}",
            "4 invalid JSON: Unexpected character ('n' (code 110)): was expecting double-quote"
                + " to start field name | {not json",
            "6 invalid JSON: not UTF-8 (Input length = 1) | {\"s\":\"\uFFFD(\"}");
    assertThat(readAll(trades)).hasSize(2);
  }

  @Test
  void neverStopsOnHostileInput(
      @TempDir Path dir, KafkaTopic tradesTopic, KafkaTopic deadLettersTopic) throws Exception {
    String trades = tradesTopic.name();
    String deadLetters = deadLettersTopic.name();
    String trade =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\","
            + "\"t\":%d,\"p\":\"61837.63\",\"q\":\"0.02\",\"T\":%d,\"m\":true}}";
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzip)) {
      String lines =
          String.join(
              "\n",
              "1723161254087896568 " + trade.formatted(1, 1723161255342L),
              "1723161254087896569 " + trade.formatted(1, 1723161255342L), // the same trade again
              "1723161254087896570 " + trade.formatted(2, -1723161255342L),
              "1723161254087896571 " + trade.formatted(3, Long.MAX_VALUE),
              "1723161254087896572 {\"x\":\"" + "y".repeat(1 << 20) + "\"", // a 1 MiB line
              "1723161254087896573 " + trade.formatted(4, 1723161255343L),
              "");
      out.write(lines.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 5_000; i++) { // enough after it that the cut falls in the data
        out.write(("1723161254087896574 {\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gzip.toByteArray();
    Path file = dir.resolve("spot_btcusdt_cut.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length - 200)); // a file cut short

    ReplayStats stats = replay(file, "binance-spot", trades, deadLetters);

    assertThat(stats.trades()).isEqualTo(2);
    assertThat(stats.repeated()).isEqualTo(1);
    assertThat(readAll(trades)).hasSize(2);
    List<String> reasons = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readAll(deadLetters)) {
      DeadLetter letter = AvroCodec.of(DeadLetter.class).decode(record.value());
      reasons.add(letter.getReason().substring(0, Math.min(60, letter.getReason().length())));
      if (letter.getSourceOffset() == 5) {
        assertThat(letter.getRawTruncated()).isTrue();
        assertThat(letter.getOriginalSize()).isGreaterThan(1 << 20);
      }
    }
    assertThat(reasons)
        .startsWith(
            "trade: field 'T' is not an epoch millisecond: -1723161255342",
            "trade: field 'T' is not an epoch millisecond: 92233720368547",
            "invalid JSON: Unexpected end-of-input: expected close marker")
        .last()
        .asString()
        .startsWith("the recording ends in the middle of a gzip member");
  }

  private static final byte[] NOT_UTF8 = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};

  private static byte[] bytes(DeadLetter letter) {
    byte[] raw = new byte[letter.getRaw().remaining()];
    letter.getRaw().duplicate().get(raw);
    return raw;
  }

  @Test
  void theBookTopicAloneRebuildsTheVenuesBook(
      KafkaTopic trades,
      KafkaTopic deadLetters,
      KafkaTopic book,
      KafkaTopic quotes,
      KafkaTopic statuses)
      throws Exception {
    ReplayStats stats;
    try (NormalizedPublisher publisher =
        TopicPublishers.to(kafka.bootstrapServers(), trades, deadLetters, book, quotes, statuses)) {
      stats =
          new Replay(publisher, Pacer.asFastAsPossible())
              .replay(SharedData.file("binance-hftbacktest/spot_ethusdt_20240808.gz"));
    }
    assertThat(stats.gaps()).isZero();
    assertThat(readAll(statuses.name())).isEmpty();

    // The quotes in force at each update id, read back from Kafka.
    NavigableMap<Long, Quote> quoteByUpdateId = new TreeMap<>();
    AvroCodec<Quote> quoteCodec = AvroCodec.of(Quote.class);
    for (ConsumerRecord<byte[], byte[]> record : readAll(quotes.name())) {
      Quote quote = quoteCodec.decode(record.value());
      quoteByUpdateId.put(quote.getSequence(), quote);
    }
    assertThat(quoteByUpdateId).hasSize((int) stats.quotes());

    // The book from the BookUpdate records alone, as a consumer of the topic rebuilds it.
    OrderBook rebuilt = new OrderBook();
    AvroCodec<BookUpdate> bookCodec = AvroCodec.of(BookUpdate.class);
    List<ConsumerRecord<byte[], byte[]>> updates = readAll(book.name());
    assertThat(updates).hasSize((int) stats.bookUpdates());
    int compared = 0;
    int matched = 0;
    for (ConsumerRecord<byte[], byte[]> record : updates) {
      BookUpdate update = bookCodec.decode(record.value());
      rebuilt.apply(update);
      Map.Entry<Long, Quote> inForce = quoteByUpdateId.floorEntry(update.getLastSequence());
      if (inForce != null) {
        compared++;
        Quote quote = inForce.getValue();
        if (rebuilt.bestBid().getPrice() == quote.getBidPrice()
            && rebuilt.bestBid().getSize() == quote.getBidSize()
            && rebuilt.bestAsk().getPrice() == quote.getAskPrice()
            && rebuilt.bestAsk().getSize() == quote.getAskSize()) {
          matched++;
        }
      }
    }
    assertThat(compared).isGreaterThan(3_000);
    assertThat(matched).isEqualTo(compared);
  }

  private ReplayStats replay(Path file, String venue, String trades, String deadLetters)
      throws Exception {
    try (NormalizedPublisher publisher =
        new NormalizedPublisher(kafka.bootstrapServers(), trades, deadLetters)) {
      try (Recording recording = HftBacktestRecording.open(file, Venue.named(venue))) {
        return new Replay(publisher, Pacer.asFastAsPossible()).replay(recording);
      }
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return TopicContents.readAll(kafka.bootstrapServers(), topic, Duration.ofSeconds(30));
  }
}
