package org.marketflow.api.marketdata.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.schemas.redis.RedisKeys;
import org.marketflow.testing.servers.LocalRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * The order book endpoint on live books written to the shared Redis as jobs-microstructure writes
 * them, under instrument ids unique to the run (the job's keys have no service prefix).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OrderBookResourceTest {

  static final String PATH = "/api/institutional/market-data/orderbook";
  private static final String RUN =
      UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  static final String SIM = "SIM:BOOK-" + RUN;
  static final String EVENT = "book-" + RUN;
  static final String PARIFLOW = "PARIFLOW:" + EVENT + ":out-a:YES";
  static final Instant TIME = Instant.parse("2024-08-08T12:00:00.250Z");

  private static JedisPooled redis;

  @BeforeAll
  static void writeLiveBooks() {
    redis = new JedisPooled(LocalRedis.shared().uri());
    // A minute rather than the job's 2 s: the keys must outlive the test, not go stale in it.
    SetParams ttl = SetParams.setParams().px(60_000);
    redis.set(RedisKeys.BOOK + SIM, BookJson.snapshot(SIM, TIME, 50), ttl);
    redis.set(RedisKeys.BOOK + PARIFLOW, BookJson.snapshot(PARIFLOW, TIME, 3), ttl);
  }

  @AfterAll
  static void removeBooks() {
    redis.del(RedisKeys.BOOK + SIM, RedisKeys.BOOK + PARIFLOW);
    redis.close();
  }

  static JsonNode book(Map<String, String> params) throws Exception {
    return ApiCalls.getJson(PATH, params);
  }

  @Test
  void answersTheTopTwentyLevelsWithSpreadAndMid() throws Exception {
    JsonNode book = book(Map.of("instrument", SIM));

    List<String> fields = new ArrayList<>();
    book.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "instrument",
            "eventId",
            "outcomeId",
            "option",
            "timestamp",
            "depth",
            "bookBidLevels",
            "bookAskLevels",
            "bids",
            "asks",
            "spread",
            "midPrice");
    assertThat(book.get("instrument").asText()).isEqualTo(SIM);
    assertThat(book.get("timestamp").asText()).isEqualTo("2024-08-08T12:00:00.250Z");
    assertThat(book.get("depth").asInt()).isEqualTo(20);
    assertThat(book.get("bids")).hasSize(20);
    assertThat(book.get("asks")).hasSize(20);
    assertThat(book.get("bookBidLevels").asInt()).isEqualTo(60);
    assertThat(book.get("bookAskLevels").asInt()).isEqualTo(70);
    JsonNode bestBid = book.get("bids").get(0);
    assertThat(bestBid.get("price").doubleValue()).isEqualTo(100.0);
    assertThat(bestBid.get("amount").doubleValue()).isEqualTo(1.0);
    assertThat(bestBid.get("orderCount").intValue()).isEqualTo(1);
    assertThat(book.get("bids").get(2).get("orderCount").isNull()).isTrue();
    assertThat(book.get("asks").get(19).get("price").doubleValue()).isEqualTo(119.5);
    // spread = 100.5 - 100.0; mid = (100.0 + 100.5) / 2
    assertThat(book.get("spread").doubleValue()).isEqualTo(0.5);
    assertThat(book.get("midPrice").doubleValue()).isEqualTo(100.25);
  }

  @Test
  void depthOfFiftyAnswersEveryLevelAndDepthOneTheBestOnly() throws Exception {
    assertThat(book(Map.of("instrument", SIM, "depth", "50")).get("asks")).hasSize(50);
    JsonNode top = book(Map.of("instrument", SIM, "depth", "1"));
    assertThat(top.get("bids")).hasSize(1);
    assertThat(top.get("asks")).hasSize(1);
  }

  @Test
  void aBookShallowerThanTheDepthAnswersTheLevelsItHas() throws Exception {
    JsonNode book =
        book(Map.of("eventId", EVENT, "outcomeId", "out-a", "option", "YES", "depth", "10"));

    assertThat(book.get("instrument").asText()).isEqualTo(PARIFLOW);
    assertThat(book.get("eventId").asText()).isEqualTo(EVENT);
    assertThat(book.get("outcomeId").asText()).isEqualTo("out-a");
    assertThat(book.get("option").asText()).isEqualTo("YES");
    assertThat(book.get("bids")).hasSize(3);
  }

  @Test
  void eachRequestAnswersTheBookTheKeyHoldsThen() throws Exception {
    String instrument = "SIM:BOOK-CHANGES-" + RUN;
    SetParams ttl = SetParams.setParams().px(60_000);
    Map<String, String> query = Map.of("instrument", instrument, "depth", "2");
    try {
      redis.set(RedisKeys.BOOK + instrument, BookJson.snapshot(instrument, TIME, 5), ttl);
      JsonNode first = book(query);
      assertThat(book(query)).isEqualTo(first);

      Instant later = TIME.plusMillis(500);
      redis.set(RedisKeys.BOOK + instrument, BookJson.snapshot(instrument, later, 1), ttl);
      JsonNode second = book(query);

      assertThat(first.get("timestamp").asText()).isEqualTo(TIME.toString());
      assertThat(first.get("bids")).hasSize(2);
      assertThat(second.get("timestamp").asText()).isEqualTo(later.toString());
      assertThat(second.get("bids")).hasSize(1);
      assertThat(second.get("bookBidLevels").asInt()).isEqualTo(11);
    } finally {
      redis.del(RedisKeys.BOOK + instrument);
    }
    ApiCalls.authorized().queryParams(query).when().get(PATH).then().statusCode(404);
  }

  @Test
  void aBookThatIsNotLiveIs404WithTheInstrument() {
    String missing = "SIM:NO-BOOK-" + RUN;
    ApiCalls.authorized()
        .queryParam("instrument", missing)
        .when()
        .get(PATH)
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NO_LIVE_ORDER_BOOK"))
        .body("error", equalTo("No live order book for '" + missing + "'"))
        .body("details.instrument", equalTo(missing));
  }
}
