package org.marketflow.api.marketdata.trades;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;

/** Every kind of bad trades request is a 400 {@code INVALID_PARAMETER} naming the parameter. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TradesValidationTest {

  private static final String BTC = TradeFixtures.BTC;
  private static final String NOT_A_CURSOR = "not a cursor returned by this endpoint";

  static Stream<Arguments> badRequests() {
    String ascCursor =
        new TradeCursor(SortOrder.ASC, Instant.parse("2024-08-08T10:00:00Z"), BTC, "b-00").encode();
    String otherInstrument =
        new TradeCursor(SortOrder.DESC, Instant.parse("2024-08-08T10:00:00Z"), "SIM:X", "1")
            .encode();
    return Stream.of(
        bad(Map.of("instrument", BTC, "sort", "up"), "sort", "up", "must be asc or desc"),
        bad(Map.of("instrument", BTC, "sort", "ASC"), "sort", "ASC", "must be asc or desc"),
        bad(
            Map.of("instrument", BTC, "limit", "1001"),
            "limit",
            "1001",
            "must be an integer between 1 and 1000"),
        bad(
            Map.of("instrument", BTC, "limit", "0"),
            "limit",
            "0",
            "must be an integer between 1 and 1000"),
        bad(
            Map.of("instrument", BTC, "offset", "-1"),
            "offset",
            "-1",
            "must be an integer between 0 and 100000"),
        bad(
            Map.of("instrument", BTC, "offset", "100001"),
            "offset",
            "100001",
            "must be an integer between 0 and 100000"),
        bad(
            Map.of("instrument", BTC, "offset", "1e3"),
            "offset",
            "1e3",
            "must be an integer between 0 and 100000"),
        bad(Map.of("instrument", BTC, "cursor", "%%%"), "cursor", "%%%", NOT_A_CURSOR),
        bad(Map.of("instrument", BTC, "cursor", "abc"), "cursor", "abc", NOT_A_CURSOR),
        bad(
            Map.of("instrument", BTC, "cursor", "x".repeat(2_000)),
            "cursor",
            "x".repeat(2_000),
            NOT_A_CURSOR),
        bad(
            Map.of("instrument", BTC, "cursor", ascCursor, "offset", "5"),
            "cursor",
            ascCursor,
            "not allowed with offset: page with one or the other"),
        bad(
            Map.of("instrument", BTC, "cursor", ascCursor),
            "cursor",
            ascCursor,
            "was returned for sort=asc; repeat that sort with it"),
        bad(
            Map.of("instrument", BTC, "cursor", otherInstrument),
            "cursor",
            otherInstrument,
            NOT_A_CURSOR),
        bad(
            Map.of(
                "instrument", BTC,
                "startTime", "2024-08-09T00:00:00Z",
                "endTime", "2024-08-08T00:00:00Z"),
            "startTime",
            "2024-08-09T00:00:00Z",
            "must not be after endTime (2024-08-08T00:00:00Z)"),
        bad(
            Map.of("instrument", BTC, "endTime", "yesterday"),
            "endTime",
            "yesterday",
            "expected an ISO 8601 instant such as 2024-08-08T23:55:00Z (an offset such as +02:00"
                + " is accepted) or epoch milliseconds"),
        bad(
            Map.of("instrument", BTC, "eventId", "evt-1"),
            "instrument",
            BTC,
            "exactly one of eventId and instrument is allowed; eventId was given too"),
        bad(Map.of(), "eventId", null, "exactly one of eventId and instrument is required"),
        bad(Map.of("eventId", "evt-1", "option", "yes"), "option", "yes", "must be YES or NO"),
        bad(
            Map.of("eventId", "evt 1"),
            "eventId",
            "evt 1",
            "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit"));
  }

  private static Arguments bad(
      Map<String, String> params, String parameter, String value, String reason) {
    return Arguments.of(params, parameter, value, reason);
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("badRequests")
  void answers400WithThePreciseProblem(
      Map<String, String> params, String parameter, String value, String reason) {
    ApiCalls.assertInvalidParameter(TradesResourceTest.PATH, params, parameter, value, reason);
  }
}
