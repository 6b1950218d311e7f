package org.marketflow.api.marketdata.ohlc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.TestApiKeys;

/** Every kind of bad OHLC request is a 400 {@code INVALID_PARAMETER} naming the parameter. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OhlcValidationTest {

  @InjectApiKeys TestApiKeys.StandardKeys keys;

  private static final String INTERVALS = "expected one of 1s, 1m, 5m, 15m, 1h, 4h, 1d";
  private static final String LIMIT = "must be an integer between 1 and 1000";
  private static final String TIME =
      "expected an ISO 8601 instant such as 2024-08-08T23:55:00Z (an offset such as +02:00 is"
          + " accepted) or epoch milliseconds";

  static Stream<Arguments> badRequests() {
    String btc = "BINANCE:BTCUSDT";
    return Stream.of(
        bad(
            Map.of("instrument", btc, "interval", "2m"),
            "interval",
            "2m",
            "unknown interval; " + INTERVALS),
        bad(Map.of("instrument", btc), "interval", null, "required; " + INTERVALS),
        bad(Map.of("instrument", btc, "interval", "1m", "limit", "0"), "limit", "0", LIMIT),
        bad(Map.of("instrument", btc, "interval", "1m", "limit", "5000"), "limit", "5000", LIMIT),
        bad(Map.of("instrument", btc, "interval", "1m", "limit", "abc"), "limit", "abc", LIMIT),
        bad(
            Map.of(
                "instrument", btc,
                "interval", "1m",
                "startTime", "2024-08-09T00:00:00Z",
                "endTime", "2024-08-08T00:00:00Z"),
            "startTime",
            "2024-08-09T00:00:00Z",
            "must not be after endTime (2024-08-08T00:00:00Z)"),
        bad(
            Map.of("instrument", btc, "interval", "1m", "startTime", "not-a-time"),
            "startTime",
            "not-a-time",
            TIME),
        bad(
            Map.of("instrument", btc, "interval", "1m", "endTime", "2024-08-08"),
            "endTime",
            "2024-08-08",
            TIME),
        bad(
            Map.of("instrument", btc, "eventId", "evt-1", "interval", "1m"),
            "instrument",
            btc,
            "exactly one of eventId and instrument is allowed; eventId was given too"),
        bad(
            Map.of("interval", "1m"),
            "eventId",
            null,
            "exactly one of eventId and instrument is required"),
        bad(
            Map.of("instrument", "BTCUSDT", "interval", "1m"),
            "instrument",
            "BTCUSDT",
            "instrument id must be VENUE:SYMBOL, not 'BTCUSDT'"),
        bad(
            Map.of("instrument", btc, "outcomeId", "out-a", "interval", "1m"),
            "outcomeId",
            "out-a",
            "only allowed with eventId, not with instrument"),
        bad(
            Map.of("eventId", "evt-1", "option", "MAYBE", "interval", "1m"),
            "option",
            "MAYBE",
            "must be YES or NO"));
  }

  private static Arguments bad(
      Map<String, String> params, String parameter, String value, String reason) {
    return Arguments.of(params, parameter, value, reason);
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("badRequests")
  void answers400WithThePreciseProblem(
      Map<String, String> params, String parameter, String value, String reason) {
    given()
        .header(ApiKeyAuthenticationMechanism.HEADER, keys.read())
        .queryParams(params)
        .when()
        .get(OhlcResourceTest.PATH)
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("code", equalTo("INVALID_PARAMETER"))
        .body("error", equalTo("Invalid parameter '" + parameter + "'"))
        .body("details.parameter", equalTo(parameter))
        .body("details.value", value == null ? nullValue() : equalTo(value))
        .body("details.reason", equalTo(reason))
        .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z"));
  }
}
