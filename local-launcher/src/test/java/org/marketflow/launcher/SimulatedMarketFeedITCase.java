package org.marketflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.kafka.TopicAdmin;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.Topics;
import org.marketflow.testing.servers.EmbeddedKafka;
import org.marketflow.testing.servers.TopicContents;

/** The local run's default source, on a real broker, as the jobs and the API would read it. */
class SimulatedMarketFeedITCase {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> INSTRUMENTS =
      List.of(
          "SIM:BTCUSD",
          "SIM:ETHUSD",
          "SIM:SOLUSD",
          "PARIFLOW:election-2028:candidate-a:YES",
          "PARIFLOW:election-2028:candidate-a:NO");

  private final String bootstrap = EmbeddedKafka.shared().bootstrapServers();

  @Test
  void publishesBooksQuotesTradesAndStatusesOfEveryInstrumentToTheSuitesTopics() throws Exception {
    TopicAdmin.ensureTopics(bootstrap, 2, Topics.ALL);
    try (SimulatedMarketFeed feed =
        SimulatedMarketFeed.start(bootstrap, 42, 200, Duration.ofMinutes(1))) {
      assertThat(feed.instruments()).isEqualTo(INSTRUMENTS);
      // The minute of backfill goes out at once: about 12,000 events, 2,000 trades.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> TopicContents.readAll(bootstrap, Topics.TRADES, READ_TIMEOUT).size() > 1_000);
    }

    List<FeedStatus> statuses = read(Topics.STATUS, FeedStatus.class);
    for (String instrument : INSTRUMENTS) {
      assertThat(statuses)
          .filteredOn(status -> status.getInstrument().equals(instrument))
          .extracting(FeedStatus::getState)
          .containsExactly(FeedState.CONNECTED, FeedState.DISCONNECTED);
    }
    Map<String, OrderBook> books = new HashMap<>();
    for (BookUpdate update : read(Topics.BOOK, BookUpdate.class)) {
      OrderBook book = books.get(update.getInstrument());
      if (book == null) {
        assertThat(update.getKind())
            .as("first of its instrument")
            .isEqualTo(BookUpdateKind.SNAPSHOT);
        book = new OrderBook();
        books.put(update.getInstrument(), book);
      }
      book.apply(update);
      assertThat(book.isCrossed()).isFalse();
    }
    assertThat(books).containsOnlyKeys(INSTRUMENTS);
    assertThat(read(Topics.QUOTES, Quote.class))
        .extracting(Quote::getInstrument)
        .containsAll(INSTRUMENTS);
    assertThat(read(Topics.TRADES, Trade.class))
        .extracting(Trade::getInstrument)
        .containsAll(INSTRUMENTS);
  }

  private <T extends SpecificRecordBase> List<T> read(String topic, Class<T> type)
      throws IOException {
    return TopicContents.readAll(bootstrap, topic, type, READ_TIMEOUT);
  }
}
