package org.marketflow.api.observability;

import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;

/** Requests are timed by method, status and path template, and scraped at {@code /q/metrics}. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MetricsEndpointTest {

  @Test
  void requestsAreCountedWithBoundedTags() {
    ApiCalls.authorized().get("/no/such/path/12345").then().statusCode(404);
    ApiCalls.authorized()
        .get("/api/institutional/market-data/ohlc?interval=7m")
        .then()
        .statusCode(400);

    ApiCalls.authorized()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(
            containsString(
                "http_server_requests_seconds_count{method=\"GET\",status=\"404\",uri=\"NOT_FOUND\"}"))
        .body(
            containsString(
                "http_server_requests_seconds_count{method=\"GET\",status=\"400\","
                    + "uri=\"/api/institutional/market-data/ohlc\"}"))
        .body(containsString("http_server_requests_seconds_bucket{"));
  }
}
