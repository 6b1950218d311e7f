package org.marketflow.api.marketdata.ohlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.BTC;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** The OHLC cursor and gap filling, through the endpoint, on {@code OhlcFixtures}. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OhlcPagingTest {

  /** Each bar as "time instrument" (and " filled close" for a filled one), over every page. */
  private static List<String> walk(Map<String, String> params) throws Exception {
    List<String> seen = new ArrayList<>();
    Map<String, String> page = new HashMap<>(params);
    int limit = Integer.parseInt(params.get("limit"));
    for (int pages = 0; pages < 100; pages++) {
      JsonNode response = OhlcResourceTest.ohlc(page);
      List<String> bars = new ArrayList<>();
      response
          .get("bars")
          .forEach(
              bar ->
                  bars.add(
                      bar.get("timestamp").asText().substring(11, 16)
                          + " "
                          + bar.get("instrument").asText()
                          + (bar.get("filled").asBoolean()
                              ? " filled " + bar.get("close").asDouble()
                              : "")));
      // Forward pages follow each other; backward pages precede the one before.
      if (params.containsKey("startTime")) {
        seen.addAll(bars);
      } else {
        seen.addAll(0, bars);
      }
      JsonNode next = response.get("nextCursor");
      if (next.isNull()) {
        return seen;
      }
      assertThat(response.get("count").asInt()).isEqualTo(limit);
      page.put("cursor", next.asText());
    }
    throw new AssertionError("the cursor never ended");
  }

  @Test
  void forwardCursorWalksEveryBarOnce() throws Exception {
    List<String> all =
        walk(
            Map.of(
                "instrument",
                BTC,
                "interval",
                "1m",
                "startTime",
                "2024-08-08T00:00:00Z",
                "limit",
                "1000"));

    List<String> walked =
        walk(
            Map.of(
                "instrument",
                BTC,
                "interval",
                "1m",
                "startTime",
                "2024-08-08T00:00:00Z",
                "limit",
                "3"));

    assertThat(all).hasSize(OhlcFixtures.BTC_MINUTES).doesNotHaveDuplicates();
    assertThat(walked).containsExactlyElementsOf(all);
  }

  @Test
  void backwardCursorFromTheLatestBarsWalksEveryBarOnce() throws Exception {
    List<String> walked = walk(Map.of("instrument", BTC, "interval", "1m", "limit", "4"));

    assertThat(walked).hasSize(OhlcFixtures.BTC_MINUTES).doesNotHaveDuplicates();
    assertThat(walked.get(0)).startsWith("23:50");
    assertThat(walked.get(walked.size() - 1)).startsWith("23:59");
  }

  @Test
  void eventCursorWalksTimeThenInstrumentWithoutGapOrRepeat() throws Exception {
    List<String> all =
        walk(
            Map.of(
                "eventId",
                "evt-1",
                "interval",
                "1m",
                "startTime",
                "2024-08-08T12:00:00Z",
                "limit",
                "1000"));

    List<String> walked =
        walk(
            Map.of(
                "eventId",
                "evt-1",
                "interval",
                "1m",
                "startTime",
                "2024-08-08T12:00:00Z",
                "limit",
                "2"));

    assertThat(all).hasSize(7);
    assertThat(walked).containsExactlyElementsOf(all);
  }

  /** evt-1/out-b/YES has bars at 12:01 (close 1.21) and 12:03 (close 1.22), none at 12:02. */
  @Test
  void fillPreviousAddsTheMissingMinuteAtThePreviousCloseAcrossPages() throws Exception {
    Map<String, String> query =
        Map.of(
            "eventId", "evt-1",
            "outcomeId", "out-b",
            "option", "YES",
            "interval", "1m",
            "fill", "previous");
    Map<String, String> forward = new HashMap<>(query);
    forward.put("startTime", "2024-08-08T12:00:00Z");
    forward.put("limit", "2");
    Map<String, String> backward = new HashMap<>(query);
    backward.put("limit", "2");

    String b = " PARIFLOW:evt-1:out-b:YES";
    List<String> expected = List.of("12:01" + b, "12:02" + b + " filled 1.21", "12:03" + b);
    assertThat(walk(forward)).containsExactlyElementsOf(expected);
    assertThat(walk(backward)).containsExactlyElementsOf(expected);

    JsonNode filled = OhlcResourceTest.ohlc(forward).get("bars").get(1);
    assertThat(filled.get("open").doubleValue()).isEqualTo(1.21);
    assertThat(filled.get("high").doubleValue()).isEqualTo(1.21);
    assertThat(filled.get("low").doubleValue()).isEqualTo(1.21);
    assertThat(filled.get("volume").doubleValue()).isZero();
    assertThat(filled.get("trades").longValue()).isZero();
    assertThat(filled.get("vwap").isNull()).isTrue();
    assertThat(filled.get("firstTradeTime").isNull()).isTrue();
  }

  @Test
  void withoutFillTheEmptyMinuteIsLeftOut() throws Exception {
    JsonNode response =
        OhlcResourceTest.ohlc(
            Map.of("eventId", "evt-1", "outcomeId", "out-b", "option", "YES", "interval", "1m"));

    assertThat(response.get("fill").asText()).isEqualTo("none");
    assertThat(response.get("count").asInt()).isEqualTo(2);
  }
}
