package org.marketflow.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.access.ApiKeyFormat;
import org.marketflow.api.access.KeyVerifier;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.live.LiveFeedRoute;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.api.testing.TestApiKeys;

/**
 * Requests without a valid key, to the REST endpoints and the live feed, are limited per client
 * address: each test sends from an address of its own (documentation addresses, in {@code
 * X-Forwarded-For}, which this service trusts), with a burst of {@link #BURST} and one request an
 * hour after it.
 */
@QuarkusTest
@WithTestResource(
    value = UnkeyedRateLimitTest.FewUnkeyedRequests.class,
    scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UnkeyedRateLimitTest {

  static final int BURST = 3;
  static final String OHLC = ApiPaths.MARKET_DATA + "/ohlc?instrument=BINANCE:BTCUSDT&interval=1m";

  /** The test database, a small limit per address, and the client address from the proxy. */
  public static class FewUnkeyedRequests extends PostgresTestResource {

    @Override
    public Map<String, String> start() {
      Map<String, String> config = new HashMap<>(super.start());
      config.put("marketflow.rate-limit.unkeyed.requests", "1");
      config.put("marketflow.rate-limit.unkeyed.period", "1h");
      config.put("marketflow.rate-limit.unkeyed.burst", Integer.toString(BURST));
      config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
      config.put("quarkus.http.proxy.allow-x-forwarded", "true");
      return config;
    }
  }

  @InjectApiKeys TestApiKeys apiKeys;
  @Inject MeterRegistry meters;

  private static RequestSpecification from(String address) {
    return given().header("X-Forwarded-For", address);
  }

  private static Response get(String address, String key, String path) {
    RequestSpecification request = from(address);
    if (key != null) {
      request.header(ApiKeyAuthenticationMechanism.HEADER, key);
    }
    return request.when().get(path);
  }

  private double lookups() {
    return meters.find(KeyVerifier.LOOKUPS).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Test
  void admitsTheBurstWithoutAKeyAs401sThenAnswers429() {
    String address = "192.0.2.10";
    for (int i = 1; i <= BURST; i++) {
      Response missing = get(address, null, OHLC);
      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.jsonPath().getString("code")).isEqualTo("API_KEY_MISSING");
      assertThat(missing.header(RateLimitFilter.LIMIT)).isEqualTo("1");
      assertThat(missing.header(RateLimitFilter.REMAINING)).isEqualTo(Integer.toString(BURST - i));
    }

    Response refused = get(address, null, OHLC);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(refused.header(RateLimitFilter.RETRY_AFTER))).isBetween(3590L, 3600L);
    assertThat(refused.header(RateLimitFilter.REMAINING)).isEqualTo("0");
    assertThat(get(address, "not-a-key", OHLC).statusCode()).isEqualTo(429);
    assertThat(get("192.0.2.11", null, OHLC).statusCode())
        .as("another address has its own limit")
        .isEqualTo(401);
  }

  @Test
  void aFloodOfUnknownKeysReadsTheDatabaseOnlyUntilTheAddressIsRefused() {
    String address = "192.0.2.20";
    double before = lookups();
    List<Integer> statuses = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      statuses.add(get(address, ApiKeyFormat.newKey(), OHLC).statusCode());
    }

    // The burst as 401s; the next request is looked up, then refused, and the address with it.
    assertThat(statuses).containsExactly(401, 401, 401, 429, 429, 429, 429, 429, 429, 429);
    assertThat(lookups() - before).isEqualTo(BURST + 1);
  }

  @Test
  void aKeyVerifiedFromMemoryIsServedFromARefusedAddress() {
    String address = "192.0.2.30";
    String known = apiKeys.key(Permissions.READ);
    String fresh = apiKeys.key(Permissions.READ);
    assertThat(get("192.0.2.31", known, OHLC).statusCode()).isEqualTo(200);
    for (int i = 0; i <= BURST; i++) {
      get(address, null, OHLC);
    }

    Response served = get(address, known, OHLC);

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.header(RateLimitFilter.LIMIT)).as("the key's own limit").isNotEqualTo("1");
    assertThat(get(address, fresh, OHLC).statusCode())
        .as("a key not verified yet would need a database read")
        .isEqualTo(429);
    assertThat(get("192.0.2.32", fresh, OHLC).statusCode()).isEqualTo(200);
  }

  @Test
  void liveFeedUpgradesWithoutAValidKeyCountAgainstTheAddressToo() {
    String address = "192.0.2.50";
    for (int i = 0; i <= BURST; i++) {
      Response missing = upgrade(address);
      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.jsonPath().getString("code")).isEqualTo("API_KEY_MISSING");
    }

    // An upgrade is counted after its answer: the refusal applies from the next one.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(upgrade(address).statusCode()).isEqualTo(429));
    Response refused = upgrade(address);
    assertThat(refused.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(refused.header(RateLimitFilter.RETRY_AFTER)).isNotNull();
    assertThat(get(address, null, OHLC).statusCode()).isEqualTo(429);
  }

  /** A WebSocket upgrade of the live feed without a key. */
  private static Response upgrade(String address) {
    return from(address)
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .when()
        .get(LiveFeedRoute.PATH);
  }

  @Test
  void pathsOutsideTheInstitutionalApiAreNotLimited() {
    String address = "192.0.2.40";
    for (int i = 0; i <= BURST; i++) {
      get(address, null, OHLC);
    }

    assertThat(get(address, null, "/q/health/live").statusCode()).isEqualTo(200);
    assertThat(get(address, null, "/q/metrics").statusCode()).isEqualTo(200);
    assertThat(get(address, null, OHLC).statusCode()).isEqualTo(429);
  }
}
