package org.marketflow.api.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * Kafka unreachable: the service starts, REST answers, the feed accepts subscriptions, and only the
 * {@code live-feed} wellness check says the updates are missing.
 */
@QuarkusTest
@TestProfile(LiveFeedWithoutKafkaTest.UnreachableKafka.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveFeedWithoutKafkaTest {

  /** A bootstrap server nobody listens on. */
  public static class UnreachableKafka implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("marketflow.live.kafka.bootstrap-servers", "127.0.0.1:1");
    }
  }

  @TestHTTPResource("/api/institutional/market-data/ws")
  URI http;

  @Test
  void restAndSubscriptionsWorkWhileTheFeedWaitsForKafka() throws Exception {
    ApiCalls.authorized()
        .get("/api/institutional/market-data/ohlc?instrument=SIM:X")
        .then()
        .statusCode(400)
        .body(containsString("\"parameter\":\"interval\""));
    given()
        .get("/q/health/well")
        .then()
        .statusCode(503)
        .body("checks.find { it.name == 'live-feed' }.data.state", equalTo("CONNECTING"));
    try (LiveClient client =
        LiveClient.connect(URI.create(http.toString().replaceFirst("^http", "ws")))) {
      assertThat(
              client
                  .ask(LiveFeedTest.subscribe("\"trades\"", LiveFeedTest.instrument("SIM:X")))
                  .get("type")
                  .asText())
          .isEqualTo("subscribed");
    }
  }
}
