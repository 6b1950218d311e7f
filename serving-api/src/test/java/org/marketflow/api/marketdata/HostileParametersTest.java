package org.marketflow.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/**
 * Every parameter of every market-data endpoint, one at a time, with hostile values on an otherwise
 * valid request: the answer is the data, a 400 {@code INVALID_PARAMETER} naming a parameter, or
 * (order book) a 404, never a 5xx.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileParametersTest {

  private static final String MARKET_DATA = "/api/institutional/market-data/";
  private static final List<String> MARKET =
      List.of("instrument", "eventId", "outcomeId", "option");

  private static final List<String> VALUES =
      List.of(
          "x".repeat(2_000),
          "\u0000",
          "a\u0001b",
          "\r\n",
          "99999999999999999999999999",
          "-1",
          "-9223372036854775808",
          "1e308",
          "NaN",
          "é",
          "%",
          "' OR 1=1 --",
          "PARIFLOW:evt-1:out-a:YES",
          "BINANCE:",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "+1000000000-01-01T00:00:00Z",
          "AAAA",
          "dHJhZGVzLnYxCmFzYwo5OTk5OTk5OTk5OTk5OTk5OTk5OQpYClk");

  static Stream<Arguments> requests() {
    Map<String, List<String>> parameters =
        Map.of(
            "trades",
            List.of("startTime", "endTime", "limit", "offset", "sort", "cursor"),
            "ohlc",
            List.of("interval", "startTime", "endTime", "limit", "fill", "cursor"),
            "orderbook",
            List.of("depth"),
            "statistics",
            List.of("period"));
    Map<String, Map<String, String>> valid =
        Map.of(
            "trades", Map.of("instrument", "BINANCE:BTCUSDT"),
            "ohlc", Map.of("instrument", "BINANCE:BTCUSDT", "interval", "1m"),
            "orderbook", Map.of("instrument", "SIM:HOSTILE"),
            "statistics", Map.of("instrument", "SIM:STATS-DB"));
    return parameters.entrySet().stream()
        .flatMap(
            e ->
                Stream.concat(MARKET.stream(), e.getValue().stream())
                    .flatMap(
                        parameter ->
                            VALUES.stream()
                                .map(
                                    value ->
                                        Arguments.of(
                                            e.getKey(), valid.get(e.getKey()), parameter, value))));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("requests")
  void neverAnswersAServerError(
      String endpoint, Map<String, String> valid, String parameter, String value) {
    Map<String, String> params = new HashMap<>(valid);
    params.put(parameter, value);

    Response response =
        ApiCalls.authorized().queryParams(params).when().get(MARKET_DATA + endpoint);

    assertThat(response.statusCode())
        .as("%s %s=%s: %s", endpoint, parameter, value, response.asString())
        .isIn(200, 400, 404);
    if (response.statusCode() == 400) {
      assertThat(response.jsonPath().getString("code")).isEqualTo("INVALID_PARAMETER");
      assertThat(response.jsonPath().getString("details.parameter")).isNotEmpty();
    }
    if (response.statusCode() == 404) {
      assertThat(endpoint).isEqualTo("orderbook");
    }
  }
}
