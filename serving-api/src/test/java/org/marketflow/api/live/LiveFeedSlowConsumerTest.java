package org.marketflow.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.api.live.LiveFeedTest.instrument;
import static org.marketflow.api.live.LiveFeedTest.subscribe;
import static org.marketflow.api.live.LiveRecords.book;
import static org.marketflow.api.live.LiveRecords.uniqueInstrument;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.KafkaTestResource;
import org.marketflow.api.testing.LiveKafka;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * A client that stops reading is dropped with 4000 once its queue is full, while another client of
 * the same market keeps receiving every update: the consumer never waits for anyone.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedSlowConsumerTest {

  /** A book of 50 levels a side is about 4.5 KB of JSON: the buffers fill in a few hundred. */
  private static final int LEVELS = 50;

  private static final int BATCH = 50;

  @TestHTTPResource("/api/institutional/market-data/ws")
  URI http;

  @Inject MeterRegistry registry;

  @LiveKafka String kafka;

  @Test
  void aSlowClientIsDroppedWhileAFastOneKeepsReceiving() throws Exception {
    LiveFeedTest.awaitLiveFeedStreaming();
    URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
    String btc = uniqueInstrument("BTC");
    String subscription = subscribe("\"orderbook\"", instrument(btc));
    double droppedBefore = droppedSlow();
    long deliveredBefore = delivered();
    try (LiveRecords records = new LiveRecords(kafka);
        LiveClient fast = LiveClient.connect(ws);
        RawWebSocket slow = RawWebSocket.connect(ws, 4096)) {
      fast.ask(subscription);
      slow.sendText(subscription);
      // From here the slow client reads nothing: the socket buffers, then its queue, fill up.

      int sent = 0;
      while (droppedSlow() == droppedBefore) {
        assertThat(sent).as("updates sent without the slow client dropped").isLessThan(20_000);
        for (int i = 0; i < BATCH; i++) {
          records.send(book(btc, sent++, LEVELS));
        }
        List<JsonNode> batch = fast.next(BATCH);
        assertThat(batch.get(BATCH - 1).get("data").get("sequence").asLong()).isEqualTo(sent - 1);
      }
      RawWebSocket.Frame close = slow.readUntilClose();
      records.send(book(btc, sent, 1));
      JsonNode afterDrop = fast.next();

      assertThat(close.closeCode()).isEqualTo(CloseCodes.SLOW_CONSUMER);
      assertThat(close.closeReason())
          .isEqualTo(
              "slow consumer: more than " + KafkaTestResource.QUEUE_CAPACITY + " messages queued");
      assertThat(afterDrop.get("data").get("sequence").asLong()).isEqualTo(sent);
      assertThat(droppedSlow()).isEqualTo(droppedBefore + 1);
      assertThat(delivered() - deliveredBefore).isGreaterThanOrEqualTo(sent + 1);
    }
  }

  private double droppedSlow() {
    return registry.get("marketflow.live.clients.dropped").tag("reason", "slow").counter().count();
  }

  private long delivered() {
    return (long) registry.get("marketflow.live.messages.delivered").counter().count();
  }
}
