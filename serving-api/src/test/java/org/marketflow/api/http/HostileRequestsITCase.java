package org.marketflow.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.api.testing.AccessLogOff;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RawHttp;
import org.marketflow.api.testing.RawHttp.Answer;

/**
 * Thousands of random and hostile requests against the packaged service, built from its own OpenAPI
 * document (every path and parameter it declares, and some it does not): long values, control
 * characters, bad encodings, huge numbers, repeated parameters, wrong methods and content types.
 * None may get a 5xx, and every error must be an {@code ErrorResponse}. The seed is fixed, so a
 * failure reproduces.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = AccessLogOff.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileRequestsITCase {

  private static final int REQUESTS = 3_000;
  private static final long SEED = 20261122L;

  private static final String[] METHODS = {
    "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"
  };
  private static final String[] CONTENT_TYPES = {
    "application/json", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data",
    "application/octet-stream", "text/plain; charset=ebcdic", "x/y;;;", ""
  };
  private static final String[] VALUES = {
    "",
    "1m",
    "1d",
    "BINANCE:BTCUSDT",
    "PARIFLOW:e:o:YES",
    "YES",
    "no",
    "asc",
    "DESC",
    "json",
    "csv",
    "parquet",
    "0",
    "-1",
    "1001",
    "2147483648",
    "9223372036854775808",
    "99999999999999999999999999",
    "1e309",
    "-0",
    "NaN",
    "Infinity",
    "0x10",
    "2024-08-08T23:55:00Z",
    "2024-08-08T23:55:00+14:00",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "2024-02-30T00:00:00Z",
    "1723161300000",
    "-9223372036854775808",
    "%00",
    "%0A%0D",
    "%09",
    "%C0%AF",
    "%FF%FE",
    "%F0%9F%92%A9",
    "%E2%80%AE",
    "'%3B%20DROP%20TABLE%20trades%3B--",
    "%3Cscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%25",
    "%2B",
    "%3D1%2B1",
    "a%26b%3Dc",
    "null",
    "true",
    "[]",
    "%7B%7D"
  };
  private static final String[] EXTRA_PARAMETERS = {
    "limit", "offset", "cursor", "sort", "depth", "period", "format", "type", "x", "", "%00"
  };

  private final Random random = new Random(SEED);

  @Test
  void noRandomOrHostileRequestGetsA5xxOrABareError() throws Exception {
    List<Operation> operations = operations();
    assertThat(operations).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
      String request = request(operations);
      Answer answer = RawHttp.send(request);
      String problem = problem(request.substring(0, request.indexOf(' ')), answer);
      if (problem != null) {
        failures.add(problem + " <- " + abbreviate(request));
      }
    }
    assertThat(failures).isEmpty();
  }

  private String request(List<Operation> operations) {
    Operation operation = operations.get(random.nextInt(operations.size()));
    String method = random.nextInt(4) == 0 ? pick(METHODS) : "GET";
    String path = operation.path().replaceAll("\\{[^}]+}", pick(VALUES));
    if (random.nextInt(20) == 0) {
      path = path + "/" + pick(VALUES);
    }
    StringBuilder target = new StringBuilder(path);
    int parameters = random.nextInt(operation.parameters().size() + 3);
    for (int p = 0; p < parameters; p++) {
      String name =
          random.nextInt(4) == 0 || operation.parameters().isEmpty()
              ? pick(EXTRA_PARAMETERS)
              : operation.parameters().get(random.nextInt(operation.parameters().size()));
      target.append(p == 0 ? '?' : '&').append(name).append('=').append(value());
    }
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: localhost\r\nConnection: close\r\n");
    switch (random.nextInt(10)) {
      case 0 -> {}
      case 1 -> request.append("X-API-Key: ").append(value()).append("\r\n");
      default ->
          request.append("X-API-Key: ").append(PostgresTestResource.keys().all()).append("\r\n");
    }
    if (random.nextInt(5) == 0) {
      request.append("Accept: ").append(pick(CONTENT_TYPES)).append("\r\n");
    }
    if (!method.equals("GET") && !method.equals("HEAD") && random.nextBoolean()) {
      String body = random.nextBoolean() ? "{\"a\":" : "x".repeat(random.nextInt(100));
      request.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
      request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
    } else {
      request.append("\r\n");
    }
    return request.toString();
  }

  private String value() {
    return switch (random.nextInt(10)) {
      case 0 -> "A".repeat(1 + random.nextInt(6_000));
      case 1 -> Long.toString(random.nextLong());
      case 2 -> randomPercentEncodedBytes();
      default -> pick(VALUES);
    };
  }

  private String randomPercentEncodedBytes() {
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(12); i >= 0; i--) {
      value.append(String.format("%%%02X", random.nextInt(256)));
    }
    return value.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Why {@code answer} is unacceptable, or null. */
  private static String problem(String method, Answer answer) {
    if (answer.status() == 0) {
      return "no answer";
    }
    if (answer.status() >= 500) {
      return "status " + answer.status() + " " + abbreviate(answer.body());
    }
    boolean bodyless = method.equals("HEAD");
    if (answer.status() >= 400 && !bodyless && !answer.body().contains("\"code\":")) {
      return "status "
          + answer.status()
          + " without an ErrorResponse: "
          + abbreviate(answer.body());
    }
    return null;
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace("\r\n", " | ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }

  /** Every GET operation of the service's OpenAPI document, with its parameter names. */
  private static List<Operation> operations() throws Exception {
    JsonNode document =
        new ObjectMapper()
            .readTree(given().get("/q/openapi?format=json").then().extract().asString());
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (JsonNode operation : path.getValue()) {
        List<String> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
          if ("query".equals(parameter.path("in").asText())) {
            parameters.add(parameter.path("name").asText());
          }
        }
        operations.add(new Operation(path.getKey(), parameters));
      }
    }
    return operations;
  }

  private record Operation(String path, List<String> parameters) {}
}
