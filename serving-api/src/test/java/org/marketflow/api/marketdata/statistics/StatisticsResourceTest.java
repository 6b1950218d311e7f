package org.marketflow.api.marketdata.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.api.marketdata.statistics.StatisticsFixtures.SIM;
import static org.marketflow.api.marketdata.statistics.StatisticsFixtures.SIM_24H;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * The statistics endpoint: from {@code market_statistics_latest} ({@code StatisticsFixtures}) and
 * from a live {@code market:stats:*} key written as jobs-ohlc writes it.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StatisticsResourceTest {

  static final String PATH = "/api/institutional/market-data/statistics";
  private static final String LIVE =
      "SIM:STATS-LIVE-"
          + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);

  /** jobs-ohlc's own example record (docs/jobs/ohlc.md), for the live instrument. */
  private static final String LIVE_JSON =
      "{\"instrument\":\""
          + LIVE
          + "\",\"period\":\"1h\",\"periodStartUs\":1723158000000000,"
          + "\"periodEndUs\":1723161600000000,\"barCount\":60,\"volume\":812.5,"
          + "\"quoteVolume\":5.02E7,\"trades\":41210,\"buyVolume\":401.2,\"sellVolume\":399.8,"
          + "\"open\":61700.1,\"high\":61950.0,\"low\":61655.3,\"close\":61837.6,"
          + "\"vwap\":61784.6,\"volatility\":4.1E-4,\"annualizedVolatility\":0.297,"
          + "\"liquidityUsd\":2453000.0,\"liquidityBucketStartUs\":1723161540000000}";

  private static JedisPooled redis;

  @BeforeAll
  static void writeLiveStatistics() {
    redis = new JedisPooled(LocalRedis.shared().uri());
    redis.set(RedisKeys.statistics(LIVE, "1h"), LIVE_JSON, SetParams.setParams().px(60_000));
  }

  @AfterAll
  static void removeLiveStatistics() {
    redis.del(RedisKeys.statistics(LIVE, "1h"));
    redis.close();
  }

  static JsonNode statistics(Map<String, String> params) throws Exception {
    return ApiCalls.getJson(PATH, params);
  }

  @Test
  void answersTheStoredRowWithEveryFieldForTheDefaultPeriod() throws Exception {
    JsonNode response = statistics(Map.of("instrument", SIM));

    assertThat(response.get("period").asText()).isEqualTo("24h");
    assertThat(response.get("count").asInt()).isEqualTo(1);
    JsonNode s = response.get("statistics").get(0);
    List<String> fields = new ArrayList<>();
    s.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "instrument",
            "eventId",
            "outcomeId",
            "option",
            "period",
            "periodStart",
            "timestamp",
            "barCount",
            "volume",
            "quoteVolume",
            "buyVolume",
            "sellVolume",
            "trades",
            "open",
            "high",
            "low",
            "close",
            "vwap",
            "volatility",
            "annualizedVolatility",
            "liquidity");
    assertThat(s.get("instrument").asText()).isEqualTo(SIM);
    assertThat(s.get("periodStart").asText()).isEqualTo("2024-08-08T00:00:00Z");
    assertThat(s.get("timestamp").asText()).isEqualTo("2024-08-09T00:00:00Z");
    assertThat(s.get("barCount").asInt()).isEqualTo(1_440);
    assertThat(s.get("quoteVolume").doubleValue()).isEqualTo(SIM_24H.quoteVolume());
    assertThat(s.get("trades").longValue()).isEqualTo(41_210);
    assertThat(s.get("open").doubleValue()).isEqualTo(61700.1);
    assertThat(s.get("vwap").doubleValue()).isEqualTo(61784.6);
    assertThat(s.get("volatility").doubleValue()).isEqualTo(4.1E-4);
    assertThat(s.get("annualizedVolatility").doubleValue()).isEqualTo(0.30000000000000004);
    assertThat(s.get("liquidity").doubleValue()).isEqualTo(2_453_000.0);
  }

  @Test
  void aPeriodWithoutBarsHasNullPricesAndZeroCounts() throws Exception {
    JsonNode s = statistics(Map.of("instrument", SIM, "period", "1h")).get("statistics").get(0);

    assertThat(s.get("period").asText()).isEqualTo("1h");
    assertThat(s.get("barCount").asInt()).isZero();
    assertThat(s.get("open").isNull()).isTrue();
    assertThat(s.get("vwap").isNull()).isTrue();
    assertThat(s.get("volatility").isNull()).isTrue();
    assertThat(s.get("liquidity").isNull()).isTrue();
  }

  @Test
  void aLiveKeyIsAnsweredAsTheJobWroteIt() throws Exception {
    JsonNode response = statistics(Map.of("instrument", LIVE, "period", "1h"));

    JsonNode s = response.get("statistics").get(0);
    assertThat(s.get("instrument").asText()).isEqualTo(LIVE);
    assertThat(s.get("timestamp").asText()).isEqualTo("2024-08-09T00:00:00Z");
    assertThat(s.get("barCount").asInt()).isEqualTo(60);
    assertThat(s.get("close").doubleValue()).isEqualTo(61837.6);
    assertThat(s.get("liquidity").doubleValue()).isEqualTo(2453000.0);
  }

  @Test
  void anEventAnswersEachOfItsInstrumentsAndNoOther() throws Exception {
    JsonNode response = statistics(Map.of("eventId", "stats-evt"));

    assertThat(response.get("eventId").asText()).isEqualTo("stats-evt");
    List<String> instruments = new ArrayList<>();
    response.get("statistics").forEach(s -> instruments.add(s.get("instrument").asText()));
    assertThat(instruments)
        .containsExactly("PARIFLOW:stats-evt:out-a:NO", "PARIFLOW:stats-evt:out-a:YES");
    assertThat(response.get("statistics").get(0).get("option").asText()).isEqualTo("NO");
  }

  @Test
  void anInstrumentWithoutStatisticsIsAnEmptyList() throws Exception {
    JsonNode response = statistics(Map.of("instrument", "SIM:NONE-" + LIVE.substring(15)));

    assertThat(response.get("count").asInt()).isZero();
    assertThat(response.get("statistics").isArray()).isTrue();
  }

  @Test
  void anUnknownPeriodIs400() {
    ApiCalls.assertInvalidParameter(
        PATH,
        Map.of("instrument", SIM, "period", "2h"),
        "period",
        "2h",
        "unknown period; expected one of 1h, 24h, 7d, 30d");
  }
}
