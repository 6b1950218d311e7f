package org.marketflow.api.marketdata.orderbook;

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

/** Every kind of bad order-book request is a 400 {@code INVALID_PARAMETER} naming the parameter. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OrderBookValidationTest {

  private static final String ONE =
      "the order book needs one instrument: give instrument, or eventId with both outcomeId and"
          + " option";
  private static final String DEPTH = "must be an integer between 1 and 50";

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(Map.of("instrument", "SIM:X", "depth", "51"), "depth", "51", DEPTH),
        Arguments.of(Map.of("instrument", "SIM:X", "depth", "0"), "depth", "0", DEPTH),
        Arguments.of(Map.of("instrument", "SIM:X", "depth", "ten"), "depth", "ten", DEPTH),
        Arguments.of(Map.of("eventId", "evt-1"), "eventId", "evt-1", ONE),
        Arguments.of(Map.of("eventId", "evt-1", "outcomeId", "out-a"), "eventId", "evt-1", ONE),
        Arguments.of(
            Map.of("instrument", "nonsense"),
            "instrument",
            "nonsense",
            "instrument id must be VENUE:SYMBOL, not 'nonsense'"));
  }

  @ParameterizedTest(name = "{1}: {3}")
  @MethodSource("badRequests")
  void answers400WithThePreciseProblem(
      Map<String, String> params, String parameter, String value, String reason) {
    ApiCalls.assertInvalidParameter(OrderBookResourceTest.PATH, params, parameter, value, reason);
  }
}
