package org.marketflow.api.marketdata.trades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.api.marketdata.trades.TradeFixtures.BTC;
import static org.marketflow.api.marketdata.trades.TradeFixtures.BTC_BARE;
import static org.marketflow.api.marketdata.trades.TradeFixtures.EVT1_A_YES_FIRST;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** The trades endpoint against a real PostgreSQL holding {@code TradeFixtures}, and Redis. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TradesResourceTest {

  static final String PATH = "/api/institutional/market-data/trades";
  private static final int BTC_TRADES = TradeFixtures.BTC_SINGLES + TradeFixtures.BTC_TIES;

  static JsonNode trades(Map<String, String> params) throws Exception {
    return ApiCalls.getJson(PATH, params);
  }

  private static List<String> ids(JsonNode response) {
    List<String> out = new ArrayList<>();
    response.get("trades").forEach(t -> out.add(t.get("id").asText()));
    return out;
  }

  /** Every page of a query by cursor, from the first to the one without a next cursor. */
  private static List<String> walk(Map<String, String> params) throws Exception {
    List<String> seen = new ArrayList<>();
    Map<String, String> page = new HashMap<>(params);
    for (int pages = 0; pages < 100; pages++) {
      JsonNode response = trades(page);
      seen.addAll(ids(response));
      JsonNode next = response.get("nextCursor");
      if (next.isNull()) {
        assertThat(response.get("count").asInt())
            .isLessThanOrEqualTo(Integer.parseInt(params.get("limit")));
        return seen;
      }
      assertThat(response.get("count").asInt()).isEqualTo(Integer.parseInt(params.get("limit")));
      page.put("cursor", next.asText());
    }
    throw new AssertionError("the cursor never ended");
  }

  @Test
  void answersATradeWithEveryFieldAndNoUserId() throws Exception {
    JsonNode response =
        trades(
            Map.of(
                "eventId",
                "evt-1",
                "outcomeId",
                "out-a",
                "option",
                "YES",
                "sort",
                "asc",
                "limit",
                "1"));

    assertThat(response.get("eventId").asText()).isEqualTo("evt-1");
    assertThat(response.get("instrument").isNull()).isTrue();
    assertThat(response.get("sort").asText()).isEqualTo("asc");
    JsonNode trade = response.get("trades").get(0);
    List<String> fields = new ArrayList<>();
    trade.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id",
            "instrument",
            "eventId",
            "outcomeId",
            "option",
            "side",
            "price",
            "amount",
            "volume",
            "timestamp",
            "isAmmTrade",
            "orderId");
    assertThat(trade.get("id").asText()).isEqualTo(EVT1_A_YES_FIRST.tradeId());
    assertThat(trade.get("instrument").asText()).isEqualTo(EVT1_A_YES_FIRST.instrument());
    assertThat(trade.get("outcomeId").asText()).isEqualTo("out-a");
    assertThat(trade.get("option").asText()).isEqualTo("YES");
    assertThat(trade.get("side").asText()).isEqualTo("buy");
    assertThat(trade.get("price").doubleValue()).isEqualTo(0.42);
    assertThat(trade.get("amount").doubleValue()).isEqualTo(150.0);
    assertThat(trade.get("volume").doubleValue()).isEqualTo(0.42 * 150.0);
    assertThat(trade.get("timestamp").asText()).isEqualTo("2024-08-08T12:00:00.123456Z");
    assertThat(trade.get("isAmmTrade").booleanValue()).isTrue();
    assertThat(trade.get("orderId").asText()).isEqualTo("ord-77");
  }

  @Test
  void aTradeWithoutSideAmmFlagOrOrderAnswersUnknownAndNulls() throws Exception {
    JsonNode response =
        trades(
            Map.of(
                "instrument",
                BTC,
                "startTime",
                BTC_BARE.exchangeTime().toString(),
                "sort",
                "asc",
                "limit",
                "1"));

    JsonNode trade = response.get("trades").get(0);
    assertThat(trade.get("id").asText()).isEqualTo("b-03");
    assertThat(trade.get("side").asText()).isEqualTo("unknown");
    assertThat(trade.get("isAmmTrade").isNull()).isTrue();
    assertThat(trade.get("orderId").isNull()).isTrue();
    assertThat(trade.get("eventId").isNull()).isTrue();
  }

  @Test
  void newestFirstByDefaultWithAHundredAtMost() throws Exception {
    JsonNode response = trades(Map.of("instrument", BTC));

    assertThat(response.get("sort").asText()).isEqualTo("desc");
    assertThat(response.get("count").asInt()).isEqualTo(BTC_TRADES);
    assertThat(ids(response)).first().isEqualTo("b-19");
    assertThat(ids(response)).last().isEqualTo("b-00");
    assertThat(response.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void startTimeIsInclusiveAndEndTimeExclusive() throws Exception {
    JsonNode response =
        trades(
            Map.of(
                "instrument", BTC,
                "startTime", "2024-08-08T10:00:10Z",
                "endTime", "2024-08-08T10:00:40Z",
                "sort", "asc"));

    assertThat(ids(response)).containsExactly("b-01", "b-02", "b-03");
  }

  @Test
  void offsetSkipsThatManyTradesInTheSortOrder() throws Exception {
    List<String> all = ids(trades(Map.of("instrument", BTC, "sort", "asc", "limit", "1000")));

    JsonNode page = trades(Map.of("instrument", BTC, "sort", "asc", "offset", "6", "limit", "4"));

    assertThat(ids(page)).containsExactlyElementsOf(all.subList(6, 10));
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"asc", "desc"})
  void cursorWalksEveryTradeOnceInOrderAcrossTies(String sort) throws Exception {
    List<String> all = ids(trades(Map.of("instrument", BTC, "sort", sort, "limit", "1000")));

    List<String> walked = walk(Map.of("instrument", BTC, "sort", sort, "limit", "3"));

    assertThat(all).hasSize(BTC_TRADES).doesNotHaveDuplicates();
    assertThat(walked).containsExactlyElementsOf(all);
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"asc", "desc"})
  void cursorWalksAnEventsTradesInTimeThenInstrumentOrder(String sort) throws Exception {
    List<String> walked = walk(Map.of("eventId", "evt-1", "sort", sort, "limit", "1"));

    // p-2 (out-a:NO) and p-3 (out-b:YES) share a time: the instrument orders them.
    List<String> ascending = List.of("p-1", "p-2", "p-3", "p-4");
    List<String> expected = new ArrayList<>(ascending);
    if (sort.equals("desc")) {
      java.util.Collections.reverse(expected);
    }
    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void cursorKeepsTheTimeRangeOfTheQuery() throws Exception {
    List<String> walked =
        walk(
            Map.of(
                "instrument", BTC,
                "startTime", "2024-08-08T10:01:00Z",
                "endTime", "2024-08-08T10:02:00Z",
                "sort", "asc",
                "limit", "2"));

    assertThat(walked)
        .containsExactly(
            "b-06", "b-07", "b-07-1", "b-07-2", "b-07-3", "b-07-4", "b-07-5", "b-08", "b-09",
            "b-10", "b-11");
  }
}
