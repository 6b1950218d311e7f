package org.marketflow.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.api.testing.TestApiKeys;

/** Rate limits over HTTP, in Redis, with the tiers of {@link SmallTiers}. */
@QuarkusTest
@TestProfile(SmallTiers.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

  static final String OHLC = ApiPaths.MARKET_DATA + "/ohlc?instrument=BINANCE:BTCUSDT&interval=1m";

  @InjectApiKeys TestApiKeys apiKeys;
  @Inject PrometheusMeterRegistry meters;

  static Response get(String key, String path) {
    return given().header(ApiKeyAuthenticationMechanism.HEADER, key).when().get(path);
  }

  @Test
  void admitsTheBurstThenAnswers429WithRetryAfter() {
    String key = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);

    for (int i = 1; i <= SmallTiers.TINY_BURST; i++) {
      Response ok = get(key, OHLC);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.header(RateLimitFilter.LIMIT)).isEqualTo("1");
      assertThat(ok.header(RateLimitFilter.REMAINING))
          .isEqualTo(Integer.toString(SmallTiers.TINY_BURST - i));
      // Full again after i hours: one request per hour refills the bucket.
      assertThat(Long.parseLong(ok.header(RateLimitFilter.RESET)))
          .isBetween(i * 3600L - 5, i * 3600L);
    }
    Response refused = get(key, OHLC);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/json");
    assertThat(refused.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(refused.jsonPath().getInt("details.limit")).isEqualTo(1);
    // The next request is admitted when one hour of the oldest has passed.
    assertThat(Long.parseLong(refused.header(RateLimitFilter.RETRY_AFTER))).isBetween(3595L, 3600L);
    assertThat(refused.header(RateLimitFilter.LIMIT)).isEqualTo("1");
    assertThat(refused.header(RateLimitFilter.REMAINING)).isEqualTo("0");
    assertThat(refused.header(RateLimitFilter.RESET)).isNotNull();
  }

  @Test
  void errorAnswersOfAKeyCarryTheHeadersToo() {
    String key = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);

    Response invalid = get(key, ApiPaths.MARKET_DATA + "/ohlc?instrument=BINANCE:BTCUSDT");
    Response forbidden =
        get(key, ApiPaths.ADMIN + "/accounts/" + java.util.UUID.randomUUID() + "/keys");
    Response notFound = get(key, ApiPaths.MARKET_DATA + "/nothing-here");

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.header(RateLimitFilter.REMAINING)).isEqualTo("2");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.header(RateLimitFilter.REMAINING)).isEqualTo("1");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.header(RateLimitFilter.REMAINING)).isEqualTo("0");
  }

  @Test
  void eachKeyHasItsOwnLimit() {
    String first = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);
    String second = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);
    for (int i = 0; i < SmallTiers.TINY_BURST; i++) {
      get(first, OHLC).then().statusCode(200);
    }

    get(first, OHLC).then().statusCode(429);
    get(second, OHLC).then().statusCode(200).header(RateLimitFilter.REMAINING, equalTo("2"));
  }

  @Test
  void theDefaultTierIsAThousandPerMinute() {
    // An account type with no tier of its own (the tests' standard one has a large tier).
    String key = apiKeys.keyOfType("no-tier-of-its-own", Permissions.READ);

    Response ok = get(key, OHLC);

    assertThat(ok.header(RateLimitFilter.LIMIT)).isEqualTo("1000");
    assertThat(ok.header(RateLimitFilter.REMAINING)).isEqualTo("99");
    assertThat(ok.header(RateLimitFilter.RESET)).isEqualTo("1");
  }

  @Test
  void rejectionsAreCountedPerAccountType() {
    String key = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);
    double before = rejections();
    for (int i = 0; i < SmallTiers.TINY_BURST + 2; i++) {
      get(key, OHLC);
    }

    assertThat(rejections() - before).isEqualTo(2.0);
  }

  @Test
  void concurrentRequestsOfOneKeyAdmitExactlyTheBurst() throws Exception {
    String key = apiKeys.keyOfType(SmallTiers.HUNDRED, Permissions.READ);
    int threads = 50;
    int perThread = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<int[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                int[] counts = new int[2];
                for (int i = 0; i < perThread; i++) {
                  int status = get(key, OHLC).statusCode();
                  counts[status == 200 ? 0 : 1]++;
                  assertThat(status).isIn(200, 429);
                }
                return counts;
              }));
    }
    int admitted = 0;
    int refused = 0;
    for (Future<int[]> result : results) {
      int[] counts = result.get(2, TimeUnit.MINUTES);
      admitted += counts[0];
      refused += counts[1];
    }
    pool.shutdown();

    assertThat(admitted).isEqualTo(SmallTiers.HUNDRED_BURST);
    assertThat(refused).isEqualTo(threads * perThread - SmallTiers.HUNDRED_BURST);
  }

  @Test
  void readinessShowsTheSharedStore() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'Rate limits' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Rate limits' }.data.store", equalTo("redis"))
        .body("checks.find { it.name == 'Rate limits' }.data.degraded", equalTo(false));
  }

  private double rejections() {
    var counter =
        meters
            .find("marketflow_rate_limit_rejections")
            .tags("account_type", SmallTiers.TINY, "store", "redis")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
