package org.marketflow.api.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.marketflow.api.live.LiveRecords.book;
import static org.marketflow.api.live.LiveRecords.pariflow;
import static org.marketflow.api.live.LiveRecords.statistics;
import static org.marketflow.api.live.LiveRecords.trade;
import static org.marketflow.api.live.LiveRecords.uniqueEvent;
import static org.marketflow.api.live.LiveRecords.uniqueInstrument;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.KafkaTestResource;
import org.marketflow.api.testing.LiveKafka;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RawHttp;

/**
 * The live feed against a real Kafka broker: updates produced to the channel topics reach the
 * subscribers of their market only, bad messages are answered, abuse and slowness close.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedTest {

  @TestHTTPResource("/api/institutional/market-data/ws")
  URI http;

  @LiveKafka String kafka;

  private LiveRecords records;

  @BeforeEach
  void producer() {
    records = new LiveRecords(kafka);
  }

  @AfterEach
  void closeProducer() {
    records.close();
  }

  /** Waits until the consumer reads every topic from its end, so no record produced is missed. */
  @BeforeEach
  void awaitStreaming() {
    awaitLiveFeedStreaming();
  }

  static void awaitLiveFeedStreaming() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                given()
                    .get("/q/health/well")
                    .then()
                    .extract()
                    .body()
                    .asString()
                    .contains("STREAMING"));
  }

  URI ws() {
    return URI.create(http.toString().replaceFirst("^http", "ws"));
  }

  static String subscribe(String channels, String market) {
    return "{\"action\":\"subscribe\",\"channels\":[" + channels + "]," + market + "}";
  }

  static String unsubscribe(String channels, String market) {
    return "{\"action\":\"unsubscribe\",\"channels\":[" + channels + "]," + market + "}";
  }

  static String instrument(String id) {
    return "\"instrument\":\"" + id + "\"";
  }

  @Test
  void acknowledgesASubscriptionWithItsIdAndCount() throws Exception {
    String btc = uniqueInstrument("BTC");
    String event = uniqueEvent();
    try (LiveClient client = LiveClient.connect(ws())) {
      JsonNode first =
          client.ask(
              "{\"id\":\"req-1\",\"action\":\"subscribe\",\"channels\":[\"trades\",\"orderbook\"],"
                  + instrument(btc)
                  + "}");
      JsonNode second =
          client.ask(
              "{\"id\":7,\"action\":\"subscribe\",\"channels\":[\"statistics\"],"
                  + "\"eventId\":\""
                  + event
                  + "\",\"option\":\"YES\"}");
      JsonNode gone =
          client.ask("{\"id\":8," + unsubscribe("\"trades\"", instrument(btc)).substring(1));

      assertThat(first.toString())
          .isEqualTo(
              "{\"type\":\"subscribed\",\"id\":\"req-1\",\"channels\":[\"trades\",\"orderbook\"],"
                  + "\"instrument\":\""
                  + btc
                  + "\",\"subscriptions\":2}");
      assertThat(second.toString())
          .isEqualTo(
              "{\"type\":\"subscribed\",\"id\":7,\"channels\":[\"statistics\"],\"eventId\":\""
                  + event
                  + "\",\"option\":\"YES\",\"subscriptions\":3}");
      assertThat(gone.get("type").asText()).isEqualTo("unsubscribed");
      assertThat(gone.get("id").asInt()).isEqualTo(8);
      assertThat(gone.get("subscriptions").asInt()).isEqualTo(2);
    }
  }

  @Test
  void subscribersReceiveTheUpdatesOfTheirMarketsOnly() throws Exception {
    String btc = uniqueInstrument("BTC");
    String eth = uniqueInstrument("ETH");
    String event = uniqueEvent();
    String outAYes = pariflow(event, "out-a", "YES");
    String outANo = pariflow(event, "out-a", "NO");
    String outBYes = pariflow(event, "out-b", "YES");
    try (LiveClient client = LiveClient.connect(ws())) {
      client.ask(subscribe("\"trades\",\"statistics\"", instrument(btc)));
      client.ask(
          subscribe("\"orderbook\"", "\"eventId\":\"" + event + "\",\"outcomeId\":\"out-a\""));

      records.send(trade(eth, "t-eth", 3000.0)); // another instrument
      records.send(trade(btc, "t-1", 61000.5));
      records.send(book(btc, 1, 2)); // a channel not subscribed for btc
      records.send(book(outBYes, 2, 2)); // another outcome of the event
      records.send(book(outAYes, 3, 2));
      records.send(statistics(eth, "1h", 5));
      records.send(statistics(btc, "24h", 9));
      // Markers, one per topic: every record above reached the service before them.
      records.send(trade(btc, "t-2", 61001.0));
      records.send(book(outANo, 4, 1));
      records.send(statistics(btc, "1h", 10));

      List<String> received = new ArrayList<>();
      for (JsonNode update : client.next(6)) {
        received.add(
            update.get("type").asText()
                + " "
                + update.get("instrument").asText()
                + " "
                + key(update));
      }
      assertThat(received)
          .containsExactlyInAnyOrder(
              "trade " + btc + " t-1",
              "trade " + btc + " t-2",
              "orderbook " + outAYes + " 3",
              "orderbook " + outANo + " 4",
              "statistics " + btc + " 24h",
              "statistics " + btc + " 1h");
      assertThat(client.pending()).isZero();
    }
  }

  private static String key(JsonNode update) {
    JsonNode data = update.get("data");
    return switch (update.get("type").asText()) {
      case "trade" -> data.get("id").asText();
      case "orderbook" -> data.get("sequence").asText();
      default -> data.get("period").asText();
    };
  }

  @Test
  void updatesCarryTheDesignsFields() throws Exception {
    String event = uniqueEvent();
    String yes = pariflow(event, "out-a", "YES");
    try (LiveClient client = LiveClient.connect(ws())) {
      client.ask(
          subscribe("\"trades\",\"orderbook\",\"statistics\"", "\"eventId\":\"" + event + "\""));

      records.send(trade(yes, "t-9", 0.42));
      JsonNode trade = client.next();
      records.send(book(yes, 77, 2));
      JsonNode book = client.next();
      records.send(statistics(yes, "7d", 3));
      JsonNode stats = client.next();

      assertThat(trade.toString())
          .isEqualTo(
              "{\"type\":\"trade\",\"channel\":\"trades\",\"instrument\":\""
                  + yes
                  + "\",\"eventId\":\""
                  + event
                  + "\",\"outcomeId\":\"out-a\",\"option\":\"YES\",\"data\":{\"id\":\"t-9\","
                  + "\"sequence\":42,\"side\":\"buy\",\"price\":0.42,\"amount\":2.5,"
                  + "\"volume\":1.05,\"timestamp\":\"2024-08-08T23:55:00.123456Z\","
                  + "\"receiveTime\":\"2024-08-08T23:55:00.124956Z\",\"isAmmTrade\":false,"
                  + "\"orderId\":null}}");
      JsonNode levels = book.get("data");
      assertThat(levels.get("bids").toString())
          .isEqualTo(
              "[{\"price\":99.99,\"amount\":1.0,\"orderCount\":null},"
                  + "{\"price\":99.97999999999999,\"amount\":2.0,\"orderCount\":null}]");
      assertThat(levels.get("asks").get(0).toString())
          .isEqualTo("{\"price\":100.01,\"amount\":2.0,\"orderCount\":3}");
      assertThat(levels.get("spread").doubleValue()).isEqualTo(100.01 - 99.99);
      assertThat(levels.get("midPrice").doubleValue()).isEqualTo((100.01 + 99.99) / 2);
      assertThat(levels.get("timestamp").asText()).isEqualTo("2024-08-08T23:55:00.123456Z");
      assertThat(stats.get("data").get("period").asText()).isEqualTo("7d");
      assertThat(stats.get("data").get("timestamp").asText()).isEqualTo("2024-08-09T00:00:00Z");
      assertThat(stats.get("data").get("trades").asLong()).isEqualTo(3);
      assertThat(stats.get("data").get("liquidity").isNull()).isTrue();
    }
  }

  @Test
  void unsubscribeStopsTheUpdates() throws Exception {
    String btc = uniqueInstrument("BTC");
    String eth = uniqueInstrument("ETH");
    try (LiveClient client = LiveClient.connect(ws())) {
      client.ask(subscribe("\"trades\"", instrument(btc)));
      client.ask(subscribe("\"trades\"", instrument(eth)));
      records.send(trade(btc, "before", 1.0));
      assertThat(client.next().get("data").get("id").asText()).isEqualTo("before");

      JsonNode ack = client.ask(unsubscribe("\"trades\"", instrument(btc)));
      records.send(trade(btc, "after", 2.0));
      records.send(trade(eth, "marker", 3.0));

      assertThat(ack.get("type").asText()).isEqualTo("unsubscribed");
      assertThat(ack.get("subscriptions").asInt()).isEqualTo(1);
      JsonNode next = client.next();
      assertThat(next.get("instrument").asText()).isEqualTo(eth);
      assertThat(client.pending()).isZero();
    }
  }

  @Test
  void aRecordThatIsNoValidRecordIsSkipped() throws Exception {
    String btc = uniqueInstrument("BTC");
    try (LiveClient client = LiveClient.connect(ws())) {
      client.ask(subscribe("\"trades\"", instrument(btc)));
      records.sendGarbage(records.tradesTopic(), btc);
      records.send(trade(btc, "good", 1.0));

      assertThat(client.next().get("data").get("id").asText()).isEqualTo("good");
    }
  }

  @Test
  void badMessagesAreAnsweredWithPreciseErrorsAndTheConnectionStays() throws Exception {
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry("not json", "BAD_REQUEST null message is not valid JSON"),
            Map.entry("[1,2]", "BAD_REQUEST null message must be a JSON object"),
            Map.entry(
                "{\"channels\":[\"trades\"],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER action required; expected subscribe or unsubscribe"),
            Map.entry(
                "{\"action\":\"watch\",\"channels\":[\"trades\"],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER action expected subscribe or unsubscribe"),
            Map.entry(
                "{\"action\":\"subscribe\",\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER channels required; must be a non-empty array"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER channels must be a non-empty array"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"quotes\"],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER channels unknown channel; expected one of trades, orderbook,"
                    + " statistics"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\",\"trades\"],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER channels listed twice"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"]}",
                "INVALID_PARAMETER eventId exactly one of eventId and instrument is required"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"eventId\":\"e\",\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER instrument exactly one of eventId and instrument is allowed"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"instrument\":\"btc\"}",
                "INVALID_PARAMETER instrument instrument id must be VENUE:SYMBOL"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"instrument\":\"SIM:X\",\"option\":\"YES\"}",
                "INVALID_PARAMETER option only allowed with eventId"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"eventId\":\"e\",\"option\":\"MAYBE\"}",
                "INVALID_PARAMETER option must be YES or NO"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"eventId\":\"e v\"}",
                "INVALID_PARAMETER eventId must be 1-64 letters"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"eventId\":5}",
                "INVALID_PARAMETER eventId must be a string"),
            Map.entry(
                "{\"action\":\"subscribe\",\"channels\":[\"trades\"],\"instrument\":\"SIM:X\",\"depth\":5}",
                "INVALID_PARAMETER depth unknown field"),
            Map.entry(
                "{\"id\":{\"a\":1},\"action\":\"subscribe\",\"channels\":[\"trades\"],\"instrument\":\"SIM:X\"}",
                "INVALID_PARAMETER id must be a string of at most 64 characters or an integer"));
    try (LiveClient client = LiveClient.connect(ws())) {
      for (Map.Entry<String, String> badMessage : cases.entrySet()) {
        JsonNode error = client.ask(badMessage.getKey());
        String[] expected = badMessage.getValue().split(" ", 3);
        assertThat(error.get("type").asText()).as(badMessage.getKey()).isEqualTo("error");
        assertThat(error.get("code").asText()).as(badMessage.getKey()).isEqualTo(expected[0]);
        assertThat(error.get("timestamp").isTextual()).isTrue();
        if (expected[1].equals("null")) {
          assertThat(error.get("error").asText()).as(badMessage.getKey()).startsWith(expected[2]);
        } else {
          JsonNode details = error.get("details");
          assertThat(error.get("error").asText()).isEqualTo("Invalid field '" + expected[1] + "'");
          assertThat(details.get("parameter").asText())
              .as(badMessage.getKey())
              .isEqualTo(expected[1]);
          assertThat(details.get("reason").asText())
              .as(badMessage.getKey())
              .startsWith(expected[2]);
        }
      }
      JsonNode withId =
          client.ask(
              "{\"id\":\"x1\",\"action\":\"subscribe\",\"channels\":[\"nope\"],\"instrument\":\"SIM:X\"}");
      client.sendBinary(new byte[] {1, 2, 3});
      JsonNode binary = client.next();
      JsonNode stillServed = client.ask(subscribe("\"trades\"", instrument("SIM:X")));

      assertThat(withId.get("id").asText()).isEqualTo("x1");
      assertThat(withId.get("details").get("value").asText()).isEqualTo("nope");
      assertThat(binary.get("code").asText()).isEqualTo("BAD_REQUEST");
      assertThat(binary.get("error").asText()).startsWith("binary messages are not supported");
      assertThat(stillServed.get("type").asText()).isEqualTo("subscribed");
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void anOversizedMessageClosesTheConnection() throws Exception {
    try (LiveClient client = LiveClient.connect(ws())) {
      client.send("{\"action\":\"subscribe\",\"pad\":\"" + "x".repeat(5000) + "\"}");

      LiveClient.Closed closed = client.awaitClose();
      assertThat(closed.code()).isEqualTo(1009);
      assertThat(closed.reason()).isEqualTo("message larger than 4096 bytes");
    }
  }

  @Test
  void tooManySubscriptionsCloseTheConnection() throws Exception {
    try (LiveClient client = LiveClient.connect(ws())) {
      for (int i = 0; i < 33; i++) {
        JsonNode ack =
            client.ask(
                subscribe("\"trades\",\"orderbook\",\"statistics\"", instrument("SIM:S" + i)));
        assertThat(ack.get("subscriptions").asInt()).isEqualTo(3 * (i + 1));
      }
      client.send(subscribe("\"trades\",\"orderbook\"", instrument("SIM:LAST")));

      LiveClient.Closed closed = client.awaitClose();
      assertThat(closed.code()).isEqualTo(1008);
      assertThat(closed.reason()).isEqualTo("more than 100 subscriptions");
    }
  }

  @Test
  void aNonUpgradeRequestIsABadRequest() {
    given()
        .get("/api/institutional/market-data/ws")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body(org.hamcrest.Matchers.containsString("\"code\":\"BAD_REQUEST\""));
  }

  @Test
  void upgradeWithoutAKeyIsRefusedWithAnErrorResponse() throws Exception {
    RawHttp.Answer answer = RawHttp.send(upgrade(null));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"API_KEY_MISSING\"");
  }

  @Test
  void upgradeWithAnUnknownKeyOrWithoutReadIsRefused() throws Exception {
    RawHttp.Answer unknown = RawHttp.send(upgrade("mfk_0123456789abcdef_" + "x".repeat(43)));
    RawHttp.Answer tradeOnly = RawHttp.send(upgrade(PostgresTestResource.keys().trade()));

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).contains("\"code\":\"API_KEY_INVALID\"");
    assertThat(tradeOnly.status()).isEqualTo(403);
    assertThat(tradeOnly.body()).contains("\"code\":\"FORBIDDEN\"");
  }

  private String upgrade(String key) {
    return "GET "
        + http.getRawPath()
        + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + (key == null ? "" : "X-API-Key: " + key + "\r\n")
        + "\r\n";
  }
}
