package org.marketflow.api.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.api.access.ApiKeyAuthenticationMechanism;
import org.marketflow.api.testing.ApiCalls;
import org.marketflow.api.testing.PostgresTestResource;

/**
 * The access log of the running service: one line per request on the {@code
 * org.marketflow.api.access} category, each with its six fields, the path a template without the
 * query string, {@code bytes} the body sent.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(
    value = AccessLogTest.AccessLogOn.class,
    scope = TestResourceScope.MATCHING_RESOURCES)
class AccessLogTest {

  /** The access log, which the test profile turns off. */
  public static class AccessLogOn implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of("marketflow.access-log.enabled", "true");
    }

    @Override
    public void stop() {}
  }

  static final Pattern LINE =
      Pattern.compile(
          "method=(\\S+) path=(\\S+) status=(\\d{3}) duration_ms=(\\d+\\.\\d{3}) bytes=(\\d+)"
              + " remote=(\\S+)");

  private final Logger category = Logger.getLogger("org.marketflow.api.access");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    category.addHandler(capture);
  }

  @AfterEach
  void release() {
    category.removeHandler(capture);
  }

  /** The lines logged once {@code count} have come, checked to stay that many for a moment. */
  private List<Matcher> awaitLines(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() >= count);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> lines.size() == count);
    return lines.stream()
        .map(
            line -> {
              Matcher fields = LINE.matcher(line);
              assertThat(fields.matches()).as("access-log line %s", line).isTrue();
              return fields;
            })
        .toList();
  }

  @Test
  void writesOneLineWithEveryFieldPerRequest() {
    byte[] ohlc =
        ApiCalls.authorized()
            .get(
                "/api/institutional/market-data/ohlc?instrument=BINANCE:BTCUSDT&interval=1m"
                    + "&limit=2")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    given()
        .get("/api/institutional/market-data/ohlc?instrument=BINANCE:BTCUSDT")
        .then()
        .statusCode(401);
    ApiCalls.authorized()
        .get("/api/institutional/market-data/export/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    ApiCalls.authorized()
        .post("/api/institutional/admin/keys/" + UUID.randomUUID() + "/revoke")
        .then()
        .statusCode(404);

    List<Matcher> logged = awaitLines(4);

    assertThat(logged)
        .extracting(m -> m.group(1) + " " + m.group(2) + " " + m.group(3))
        .containsExactly(
            "GET /api/institutional/market-data/ohlc 200",
            "GET /api/institutional/market-data/ohlc 401",
            "GET NOT_FOUND 404",
            "POST NOT_FOUND 404");
    assertThat(Long.parseLong(logged.get(0).group(5))).isEqualTo(ohlc.length);
    assertThat(logged).allSatisfy(m -> assertThat(m.group(6)).isEqualTo("127.0.0.1"));
    assertThat(logged).allSatisfy(m -> assertThat(Double.parseDouble(m.group(4))).isPositive());
    assertThat(lines).noneMatch(line -> line.contains("instrument") || line.contains("?"));
  }

  @Test
  void namesAPathWithAnIdByItsTemplate() {
    given().get("/q/health/live").then().statusCode(200);
    given()
        .header(ApiKeyAuthenticationMechanism.HEADER, PostgresTestResource.keys().read())
        .get("/api/institutional/admin/accounts/" + UUID.randomUUID() + "/keys")
        .then()
        .statusCode(403);

    List<Matcher> logged = awaitLines(2);

    assertThat(logged)
        .extracting(m -> m.group(2) + " " + m.group(3))
        .containsExactly("/q/health/live 200", "/api/institutional/admin/accounts/{id}/keys 403");
  }
}
