package org.marketflow.api.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.testing.servers.LocalRedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Answers are cached in Redis under the service's prefix with the design's TTLs, as the JSON bytes
 * that a hit answers unchanged, and counted.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MarketDataCacheTest {

  private static final String MARKET_DATA = "/api/institutional/market-data/";

  @Inject MeterRegistry meters;

  /** Read when used: only this test's service has one, and every test class is checked. */
  private static String prefix() {
    return ConfigProvider.getConfig().getValue("marketflow.redis.key-prefix", String.class);
  }

  private double count(String endpoint, String result) {
    Counter counter =
        meters.find(ResponseCache.METRIC).tags("endpoint", endpoint, "result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void get(String endpoint, Map<String, String> params, int status) {
    ApiCalls.authorized()
        .queryParams(params)
        .when()
        .get(MARKET_DATA + endpoint)
        .then()
        .statusCode(status);
  }

  /** A 200 JSON answer's body, as the bytes received. */
  private static byte[] getBytes(String endpoint, Map<String, String> params) {
    return ApiCalls.authorized()
        .queryParams(params)
        .when()
        .get(MARKET_DATA + endpoint)
        .then()
        .statusCode(200)
        .contentType("application/json;charset=UTF-8")
        .extract()
        .asByteArray();
  }

  /** The key of the one entry of {@code endpoint} whose key contains {@code marker}. */
  private static String onlyKey(JedisPooled redis, String endpoint, String marker) {
    var keys =
        redis.keys(
            prefix() + "cache:" + endpoint + ":" + ResponseCache.FORMAT + ":*" + marker + "*");
    assertThat(keys).hasSize(1);
    return keys.iterator().next();
  }

  /** The TTL left on the one entry of {@code endpoint} whose key contains {@code marker}. */
  private long ttlOfEntry(String endpoint, String marker) {
    try (JedisPooled redis = new JedisPooled(LocalRedis.shared().uri())) {
      return redis.pttl(onlyKey(redis, endpoint, marker));
    }
  }

  @Test
  void aRepeatedTradesQueryIsAHitOfAnEntryLivingThirtySeconds() {
    // A start time no other test asks for: the entry is this test's alone.
    Map<String, String> query =
        Map.of("instrument", "BINANCE:BTCUSDT", "startTime", "1723111200123");
    double misses = count("trades", "miss");
    double hits = count("trades", "hit");

    get("trades", query, 200);
    get("trades", query, 200);

    assertThat(count("trades", "miss")).isEqualTo(misses + 1);
    assertThat(count("trades", "hit")).isEqualTo(hits + 1);
    assertThat(ttlOfEntry("trades", "2024-08-08T10:00:00.123Z")).isBetween(1L, 30_000L);
  }

  @Test
  void ohlcEntriesLiveByTheirInterval() {
    get("ohlc", Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1h"), 200);
    get("ohlc", Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1d"), 200);
    get("ohlc", Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1m", "limit", "7"), 200);

    assertThat(ttlOfEntry("ohlc", "|1h|")).isBetween(30_001L, 300_000L);
    assertThat(ttlOfEntry("ohlc", "|1d|")).isBetween(300_001L, 3_600_000L);
    assertThat(ttlOfEntry("ohlc", "|1m|null|null|7|")).isBetween(1L, 30_000L);
  }

  @Test
  void statisticsEntriesLiveAMinute() {
    get("statistics", Map.of("instrument", "SIM:STATS-DB", "period", "7d"), 200);

    assertThat(ttlOfEntry("statistics", "SIM:STATS-DB|7d")).isBetween(1L, 60_000L);
  }

  @Test
  void aHitAnswersTheStoredBytesAsTheyAre() {
    // An end time no other test asks for: the entry is this test's alone, and removed after it.
    Map<String, String> query =
        Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1m", "endTime", "1723160000789");
    byte[] computed = getBytes("ohlc", query);
    try (JedisPooled redis = new JedisPooled(LocalRedis.shared().uri())) {
      byte[] key = onlyKey(redis, "ohlc", "2024-08-08T23:33:20.789Z").getBytes(UTF_8);
      try {
        assertThat(redis.get(key)).isEqualTo(computed);

        // Bytes no serializer would write (spacing, field order, an unknown field): a hit that
        // were parsed and written again would not answer them unchanged.
        byte[] stored = "{ \"bars\" : [], \"stored\":\"as is\", \"count\":0 }".getBytes(UTF_8);
        redis.set(key, stored, SetParams.setParams().keepttl());

        assertThat(getBytes("ohlc", query)).isEqualTo(stored);
      } finally {
        redis.del(key);
      }
    }
  }

  @Test
  void aHitAnswersWhatTheMissAnswered() {
    Map<String, String> query =
        Map.of("instrument", "BINANCE:BTCUSDT", "startTime", "1723111200456");

    byte[] miss = getBytes("trades", query);
    byte[] hit = getBytes("trades", query);

    assertThat(hit).isEqualTo(miss);
  }

  @Test
  void anAbsentLiveOrderBookIsCountedAsAMiss() {
    double misses = count("orderbook", "miss");

    get(
        "orderbook",
        Map.of(
            "instrument",
            "SIM:NO-BOOK-" + UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT)),
        404);

    assertThat(count("orderbook", "miss")).isEqualTo(misses + 1);
  }
}
