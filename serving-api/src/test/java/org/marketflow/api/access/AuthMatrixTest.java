package org.marketflow.api.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.api.common.ApiPaths;
import org.marketflow.api.testing.InjectApiKeys;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RedisTestResource;
import org.marketflow.api.testing.TestApiKeys.StandardKeys;

/**
 * Every endpoint against every kind of key: none, malformed, unknown, a wrong secret, revoked, of
 * an inactive account, without the endpoint's permission, and with it. A new endpoint is one line
 * of {@link #ENDPOINTS}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthMatrixTest {

  private static final String NO_SUCH = UUID.randomUUID().toString();
  private static final String ADMIN = ApiPaths.ADMIN;

  /**
   * Each endpoint: method, path (with a valid query), the permission it needs, the status it
   * answers a key that has it (a 404 where the path names an account or key that does not exist:
   * the request got past authentication; the audit log of an unknown account is an empty page), and
   * the JSON body it takes, if any.
   */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          Endpoint.get(
              ApiPaths.MARKET_DATA + "/ohlc?instrument=BINANCE:BTCUSDT&interval=1m",
              Permissions.READ,
              200),
          Endpoint.get(
              ApiPaths.MARKET_DATA + "/trades?instrument=BINANCE:BTCUSDT", Permissions.READ, 200),
          Endpoint.get(
              ApiPaths.MARKET_DATA + "/statistics?instrument=SIM:STATS-DB&period=24h",
              Permissions.READ,
              200),
          Endpoint.get(
              ApiPaths.MARKET_DATA + "/orderbook?instrument=SIM:NOBOOK", Permissions.READ, 404),
          Endpoint.get(
              ApiPaths.MARKET_DATA
                  + "/export?type=ohlc&format=csv&instrument=BINANCE:BTCUSDT&interval=1m"
                  + "&startTime=2024-08-08T00:00:00Z&endTime=2024-08-09T00:00:00Z",
              Permissions.READ,
              200),
          Endpoint.get(ApiPaths.MARKET_DATA + "/export/" + NO_SUCH, Permissions.READ, 404),
          Endpoint.post(ADMIN + "/accounts", "{\"name\":\"matrix\"}", Permissions.ADMIN, 201),
          Endpoint.post(
              ADMIN + "/accounts/" + NO_SUCH + "/keys",
              "{\"permissions\":[\"read\"]}",
              Permissions.ADMIN,
              404),
          Endpoint.get(ADMIN + "/accounts/" + NO_SUCH + "/keys", Permissions.ADMIN, 404),
          Endpoint.post(
              ADMIN + "/accounts/" + NO_SUCH + "/deactivate", null, Permissions.ADMIN, 404),
          Endpoint.post(ADMIN + "/accounts/" + NO_SUCH + "/activate", null, Permissions.ADMIN, 404),
          Endpoint.post(ADMIN + "/keys/" + NO_SUCH + "/rotate", null, Permissions.ADMIN, 404),
          Endpoint.post(ADMIN + "/keys/" + NO_SUCH + "/revoke", null, Permissions.ADMIN, 404),
          Endpoint.get(ADMIN + "/audit?accountId=" + NO_SUCH + "&limit=5", Permissions.ADMIN, 200));

  @InjectApiKeys StandardKeys keys;

  /** A kind of key, and the answer it gets from an endpoint. */
  enum Caller {
    NO_KEY(k -> null),
    MALFORMED(k -> "not-a-key"),
    UNKNOWN(k -> org.marketflow.api.access.ApiKeyFormat.newKey()),
    WRONG_SECRET(k -> k.all().substring(0, 21) + "A".repeat(43)),
    REVOKED(StandardKeys::revoked),
    INACTIVE_ACCOUNT(StandardKeys::inactive),
    READ(StandardKeys::read),
    TRADE(StandardKeys::trade),
    ADMIN(StandardKeys::admin),
    ALL_PERMISSIONS(StandardKeys::all);

    final Function<StandardKeys, String> key;

    Caller(Function<StandardKeys, String> key) {
      this.key = key;
    }

    /** The expected status and code on {@code endpoint}; code null for a success. */
    Object[] expected(Endpoint endpoint) {
      return switch (this) {
        case NO_KEY -> new Object[] {401, "API_KEY_MISSING"};
        case MALFORMED, UNKNOWN, WRONG_SECRET -> new Object[] {401, "API_KEY_INVALID"};
        case REVOKED -> new Object[] {401, "API_KEY_REVOKED"};
        case INACTIVE_ACCOUNT -> new Object[] {401, "ACCOUNT_INACTIVE"};
        case READ -> holds(endpoint, Permissions.READ);
        case TRADE -> holds(endpoint, Permissions.TRADE);
        case ADMIN -> holds(endpoint, Permissions.ADMIN);
        case ALL_PERMISSIONS -> new Object[] {endpoint.okStatus(), null};
      };
    }

    private static Object[] holds(Endpoint endpoint, String permission) {
      return endpoint.permission().equals(permission)
          ? new Object[] {endpoint.okStatus(), null}
          : new Object[] {403, "FORBIDDEN"};
    }
  }

  record Endpoint(String method, String path, String body, String permission, int okStatus) {
    static Endpoint get(String path, String permission, int okStatus) {
      return new Endpoint("GET", path, null, permission, okStatus);
    }

    static Endpoint post(String path, String body, String permission, int okStatus) {
      return new Endpoint("POST", path, body, permission, okStatus);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Stream<Arguments> cases() {
    return ENDPOINTS.stream()
        .flatMap(e -> Stream.of(Caller.values()).map(caller -> Arguments.of(e, caller)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("cases")
  void answersEachKindOfKeyAsExpected(Endpoint endpoint, Caller caller) {
    Object[] expected = caller.expected(endpoint);
    RequestSpecification request = given();
    String key = caller.key.apply(keys);
    if (key != null) {
      request.header(ApiKeyAuthenticationMechanism.HEADER, key);
    }
    if (endpoint.body() != null) {
      request.contentType("application/json").body(endpoint.body());
    }
    var response =
        request
            .when()
            .request(endpoint.method(), endpoint.path())
            .then()
            .statusCode((int) expected[0]);
    if (expected[1] != null) {
      response
          .contentType("application/json")
          .body("code", equalTo(expected[1]))
          .body("error", notNullValue())
          .body("timestamp", notNullValue());
    }
  }
}
