package org.marketflow.api.marketdata.ohlc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.BTC;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.BTC_2355;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.EVT1_A_NO;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.EVT1_A_YES;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.EVT1_B_YES;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.EVT_2_YES;
import static org.marketflow.api.marketdata.ohlc.OhlcFixtures.minute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.TestApiKeys;

/** The OHLC endpoint against a real PostgreSQL holding {@code OhlcFixtures}. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OhlcResourceTest {

  static final String PATH = "/api/institutional/market-data/ohlc";
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectApiKeys TestApiKeys.StandardKeys keys;

  /** GETs the endpoint with a read key, expects 200 JSON and returns the parsed body. */
  JsonNode ohlc(Map<String, String> params) throws Exception {
    String body =
        given()
            .header(ApiKeyAuthenticationMechanism.HEADER, keys.read())
            .queryParams(params)
            .when()
            .get(PATH)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  private static List<String> timestamps(JsonNode response) {
    List<String> out = new ArrayList<>();
    response.get("bars").forEach(bar -> out.add(bar.get("timestamp").asText()));
    return out;
  }

  private static List<String> timesAndInstruments(JsonNode response) {
    List<String> out = new ArrayList<>();
    response
        .get("bars")
        .forEach(
            bar -> out.add(bar.get("timestamp").asText() + " " + bar.get("instrument").asText()));
    return out;
  }

  private static String at(Instant instant) {
    return instant.toString();
  }

  @Test
  void answersAnExchangeBarWithEveryFieldAsStored() throws Exception {
    JsonNode response =
        ohlc(
            Map.of(
                "instrument", BTC,
                "interval", "1m",
                "startTime", "2024-08-08T23:55:00Z",
                "limit", "1"));

    assertThat(response.get("instrument").asText()).isEqualTo(BTC);
    assertThat(response.get("eventId").isNull()).isTrue();
    assertThat(response.get("interval").asText()).isEqualTo("1m");
    assertThat(response.get("count").asInt()).isEqualTo(1);
    JsonNode bar = response.get("bars").get(0);
    assertThat(bar.get("instrument").asText()).isEqualTo(BTC);
    assertThat(bar.get("eventId").isNull()).isTrue();
    assertThat(bar.get("outcomeId").isNull()).isTrue();
    assertThat(bar.get("option").isNull()).isTrue();
    assertThat(bar.get("timestamp").asText()).isEqualTo("2024-08-08T23:55:00Z");
    assertThat(bar.get("interval").asText()).isEqualTo("1m");
    // Doubles must come back bit for bit: parsed as doubles, compared exactly.
    assertThat(bar.get("open").doubleValue()).isEqualTo(BTC_2355.open());
    assertThat(bar.get("high").doubleValue()).isEqualTo(BTC_2355.high());
    assertThat(bar.get("low").doubleValue()).isEqualTo(BTC_2355.low());
    assertThat(bar.get("close").doubleValue()).isEqualTo(BTC_2355.close());
    assertThat(bar.get("volume").doubleValue()).isEqualTo(0.30000000000000004);
    assertThat(bar.get("quoteVolume").doubleValue()).isEqualTo(BTC_2355.quoteVolume());
    assertThat(bar.get("trades").isIntegralNumber()).isTrue();
    assertThat(bar.get("trades").longValue()).isEqualTo(1234);
    assertThat(bar.get("vwap").doubleValue()).isEqualTo(BTC_2355.vwap());
    assertThat(bar.get("firstTradeTime").asText()).isEqualTo("2024-08-08T23:55:00.123456Z");
    assertThat(bar.get("lastTradeTime").asText()).isEqualTo("2024-08-08T23:55:59.999999Z");
    assertThat(bar.get("revision").asInt()).isEqualTo(2);
    assertThat(bar.get("open").isNumber()).isTrue();
    List<String> fields = new ArrayList<>();
    bar.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "instrument",
            "eventId",
            "outcomeId",
            "option",
            "timestamp",
            "interval",
            "open",
            "high",
            "low",
            "close",
            "volume",
            "quoteVolume",
            "trades",
            "vwap",
            "firstTradeTime",
            "lastTradeTime",
            "revision");
  }

  @Test
  void readsOnlyTheAskedInterval() throws Exception {
    JsonNode response = ohlc(Map.of("instrument", BTC, "interval", "5m"));

    assertThat(response.get("interval").asText()).isEqualTo("5m");
    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:50:00Z", "2024-08-08T23:55:00Z");
  }

  @Test
  void startTimeIsInclusiveAndEndTimeExclusive() throws Exception {
    JsonNode response =
        ohlc(
            Map.of(
                "instrument", BTC,
                "interval", "1m",
                "startTime", "2024-08-08T23:52:00Z",
                "endTime", "2024-08-08T23:55:00Z"));

    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:52:00Z", "2024-08-08T23:53:00Z", "2024-08-08T23:54:00Z");
    assertThat(response.get("count").asInt()).isEqualTo(3);
  }

  @Test
  void withAStartTimeAnswersTheFirstLimitBarsFromIt() throws Exception {
    JsonNode response =
        ohlc(
            Map.of(
                "instrument", BTC,
                "interval", "1m",
                "startTime", "2024-08-09T01:52:00+02:00",
                "limit", "2"));

    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:52:00Z", "2024-08-08T23:53:00Z");
  }

  @Test
  void acceptsEpochMillisecondsForTimes() throws Exception {
    long start = Instant.parse("2024-08-08T23:58:00Z").toEpochMilli();
    JsonNode response =
        ohlc(Map.of("instrument", BTC, "interval", "1m", "startTime", Long.toString(start)));

    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:58:00Z", "2024-08-08T23:59:00Z");
  }

  @Test
  void withoutAStartTimeAnswersTheLatestLimitBarsAscending() throws Exception {
    JsonNode response = ohlc(Map.of("instrument", BTC, "interval", "1m", "limit", "3"));

    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:57:00Z", "2024-08-08T23:58:00Z", "2024-08-08T23:59:00Z");
  }

  @Test
  void latestBarsAreTheLatestBeforeTheEndTime() throws Exception {
    JsonNode response =
        ohlc(
            Map.of(
                "instrument", BTC,
                "interval", "1m",
                "endTime", "2024-08-08T23:55:00Z",
                "limit", "2"));

    assertThat(timestamps(response))
        .containsExactly("2024-08-08T23:53:00Z", "2024-08-08T23:54:00Z");
  }

  @Test
  void defaultLimitIsAHundred() throws Exception {
    JsonNode response = ohlc(Map.of("instrument", BTC, "interval", "1m"));

    assertThat(response.get("count").asInt()).isEqualTo(10);
    assertThat(timestamps(response)).first().isEqualTo("2024-08-08T23:50:00Z");
  }

  @Test
  void anEmptyRangeOrAnUnknownInstrumentIsAnEmptyAnswer() throws Exception {
    JsonNode empty =
        ohlc(
            Map.of(
                "instrument", BTC,
                "interval", "1m",
                "startTime", "2024-08-08T23:55:00Z",
                "endTime", "2024-08-08T23:55:00Z"));
    JsonNode unknown = ohlc(Map.of("instrument", "KRAKEN:XBTUSD", "interval", "1m"));

    assertThat(empty.get("count").asInt()).isZero();
    assertThat(empty.get("bars").isArray()).isTrue();
    assertThat(unknown.get("count").asInt()).isZero();
  }

  @Test
  void eventIdSelectsEveryOutcomeAndOptionOrderedByTimeThenInstrument() throws Exception {
    JsonNode response = ohlc(Map.of("eventId", "evt-1", "interval", "1m"));

    assertThat(response.get("eventId").asText()).isEqualTo("evt-1");
    assertThat(response.get("instrument").isNull()).isTrue();
    assertThat(timesAndInstruments(response))
        .containsExactly(
            at(minute(0)) + " " + EVT1_A_NO,
            at(minute(0)) + " " + EVT1_A_YES,
            at(minute(1)) + " " + EVT1_A_YES,
            at(minute(1)) + " " + EVT1_B_YES,
            at(minute(2)) + " " + EVT1_A_NO,
            at(minute(2)) + " " + EVT1_A_YES,
            at(minute(3)) + " " + EVT1_B_YES);
    JsonNode first = response.get("bars").get(0);
    assertThat(first.get("eventId").asText()).isEqualTo("evt-1");
    assertThat(first.get("outcomeId").asText()).isEqualTo("out-a");
    assertThat(first.get("option").asText()).isEqualTo("NO");
    assertThat(first.get("open").doubleValue()).isEqualTo(0.59);
  }

  @Test
  void outcomeIdNarrowsAnEventToOneOutcome() throws Exception {
    JsonNode response = ohlc(Map.of("eventId", "evt-1", "outcomeId", "out-b", "interval", "1m"));

    assertThat(timesAndInstruments(response))
        .containsExactly(at(minute(1)) + " " + EVT1_B_YES, at(minute(3)) + " " + EVT1_B_YES);
  }

  @Test
  void optionNarrowsAnEventToOneSideOfEveryOutcome() throws Exception {
    JsonNode response = ohlc(Map.of("eventId", "evt-1", "option", "NO", "interval", "1m"));

    assertThat(timesAndInstruments(response))
        .containsExactly(at(minute(0)) + " " + EVT1_A_NO, at(minute(2)) + " " + EVT1_A_NO);
  }

  @Test
  void outcomeIdAndOptionTogetherSelectOneInstrument() throws Exception {
    JsonNode response =
        ohlc(Map.of("eventId", "evt-1", "outcomeId", "out-a", "option", "YES", "interval", "1m"));

    assertThat(timesAndInstruments(response))
        .containsExactly(
            at(minute(0)) + " " + EVT1_A_YES,
            at(minute(1)) + " " + EVT1_A_YES,
            at(minute(2)) + " " + EVT1_A_YES);
  }

  @Test
  void latestBarsOfAnEventSpanItsOutcomes() throws Exception {
    JsonNode response = ohlc(Map.of("eventId", "evt-1", "interval", "1m", "limit", "3"));

    assertThat(timesAndInstruments(response))
        .containsExactly(
            at(minute(2)) + " " + EVT1_A_NO,
            at(minute(2)) + " " + EVT1_A_YES,
            at(minute(3)) + " " + EVT1_B_YES);
  }

  @Test
  void eventIdIsMatchedLiterallyNotAsAPrefixOrPattern() throws Exception {
    JsonNode underscore = ohlc(Map.of("eventId", "evt_2", "interval", "1m"));
    JsonNode evt1 = ohlc(Map.of("eventId", "evt-1", "interval", "1m", "outcomeId", "out-a"));

    assertThat(timesAndInstruments(underscore)).containsExactly(at(minute(0)) + " " + EVT_2_YES);
    assertThat(timesAndInstruments(evt1)).noneMatch(line -> line.contains("evt-10"));
  }
}
