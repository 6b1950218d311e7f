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
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.access.Permissions;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.TestApiKeys;

/**
 * With Redis unreachable the service fails open to a limit kept in memory: requests are still
 * answered and limited, with the headers, and readiness stays UP but shows the degraded store.
 */
@QuarkusTest
@TestProfile(RedisDownTest.NoRedis.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisDownTest {

  /** {@link SmallTiers}, with Redis at a port where nothing listens. */
  public static class NoRedis extends SmallTiers {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("marketflow.redis.url", "redis://127.0.0.1:" + closedPort());
      return config;
    }

    private static int closedPort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @InjectApiKeys TestApiKeys apiKeys;
  @Inject PrometheusMeterRegistry meters;

  @Test
  void limitsInMemoryWhileRedisIsDown() {
    String key = apiKeys.keyOfType(SmallTiers.TINY, Permissions.READ);

    for (int i = 1; i <= SmallTiers.TINY_BURST; i++) {
      Response ok = RateLimitTest.get(key, RateLimitTest.OHLC);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.header(RateLimitFilter.REMAINING))
          .isEqualTo(Integer.toString(SmallTiers.TINY_BURST - i));
    }
    Response refused = RateLimitTest.get(key, RateLimitTest.OHLC);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.header(RateLimitFilter.RETRY_AFTER)).isNotNull();
    assertThat(meters.find("marketflow_rate_limit_local_decisions").counter().count())
        .isGreaterThanOrEqualTo(SmallTiers.TINY_BURST + 1);
    assertThat(
            meters
                .find("marketflow_rate_limit_rejections")
                .tags("account_type", SmallTiers.TINY, "store", "local")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void readinessStaysUpAndShowsTheDegradedStore() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'Rate limits' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Rate limits' }.data.store", equalTo("local"))
        .body("checks.find { it.name == 'Rate limits' }.data.degraded", equalTo(true));
  }
}
