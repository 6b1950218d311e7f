package org.marketflow.api.marketdata.ohlc;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** Every kind of bad OHLC request is a 400 {@code INVALID_PARAMETER} naming the parameter. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OhlcValidationTest {

  private static final String INTERVALS = "expected one of 1s, 1m, 5m, 15m, 1h, 4h, 1d";
  private static final String LIMIT = "must be an integer between 1 and 1000";
  private static final String TIME =
      "expected an ISO 8601 instant such as 2024-08-08T23:55:00Z (an offset such as +02:00 is"
          + " accepted) or epoch milliseconds";

  private static final String FORWARD_CURSOR =
      new OhlcCursor(true, java.time.Instant.parse("2024-08-08T23:50:00Z"), "BINANCE:BTCUSDT", null)
          .encode();

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
            "must be YES or NO"),
        bad(
            Map.of("instrument", btc, "interval", "1m", "fill", "linear"),
            "fill",
            "linear",
            "must be none or previous"),
        bad(
            Map.of("eventId", "evt-1", "interval", "1m", "fill", "previous"),
            "fill",
            "previous",
            "fill needs one instrument: give instrument, or eventId with both outcomeId and"
                + " option"),
        bad(
            Map.of("instrument", btc, "interval", "1m", "cursor", "bm90LWEtY3Vyc29y"),
            "cursor",
            "bm90LWEtY3Vyc29y",
            "not a cursor returned by this endpoint"),
        bad(
            Map.of("instrument", btc, "interval", "1m", "cursor", FORWARD_CURSOR),
            "cursor",
            FORWARD_CURSOR,
            "was returned for a query with startTime; repeat its startTime with it"),
        bad(
            Map.of(
                "instrument", "BINANCE:ETHUSDT",
                "interval", "1m",
                "startTime", "2024-08-08T00:00:00Z",
                "cursor", FORWARD_CURSOR),
            "cursor",
            FORWARD_CURSOR,
            "not a cursor returned by this endpoint"));
  }

  private static Arguments bad(
      Map<String, String> params, String parameter, String value, String reason) {
    return Arguments.of(params, parameter, value, reason);
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("badRequests")
  void answers400WithThePreciseProblem(
      Map<String, String> params, String parameter, String value, String reason) {
    ApiCalls.assertInvalidParameter(OhlcResourceTest.PATH, params, parameter, value, reason);
  }
}
