package org.marketflow.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.api.testing.PostgresTestResource;
import org.marketflow.api.testing.RawHttp;
import org.marketflow.api.testing.RawHttp.Answer;

/** Malformed request targets and writes to management paths get an {@code ErrorResponse}. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RequestTargetGuardTest {

  private static final String OHLC = "/api/institutional/market-data/ohlc";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/%",
        OHLC + "?instrument=%G1&interval=1m",
        OHLC + "?instrument=X&interval=%2",
        OHLC + "?instrument=%%&interval=1m",
        "/api/\u0001x",
        OHLC + "?instrument=\u00ff&interval=1m",
        "/q/health?x=\u007f"
      })
  void malformedTargetIsABadRequestErrorResponse(String target) throws IOException {
    Answer answer = RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("content-type")).startsWith("application/json");
    assertThat(answer.body()).contains("\"code\":\"BAD_REQUEST\"").contains("request target");
  }

  @Test
  void overlongTargetIsAUriTooLongErrorResponse() throws IOException {
    String target = OHLC + "?instrument=" + "A".repeat(RequestTargetGuard.MAX_TARGET_LENGTH);

    Answer answer = RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.body()).contains("\"code\":\"URI_TOO_LONG\"");
  }

  @Test
  void targetAtTheLimitIsRouted() throws IOException {
    String prefix = OHLC + "?interval=1m&instrument=";
    String target = prefix + "A".repeat(RequestTargetGuard.MAX_TARGET_LENGTH - prefix.length());

    Answer answer = RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

    // Past the guard, the resource asks for a key first.
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"API_KEY_MISSING\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
  void healthAnswersOnlyReads(String method) throws IOException {
    Answer answer =
        RawHttp.send(
            method + " /q/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("allow")).isEqualTo("GET, HEAD");
    assertThat(answer.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
  }

  @Test
  void optionsOnAnUnknownPathIsNotFound() throws IOException {
    Answer answer = RawHttp.send("OPTIONS /nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("\"code\":\"NOT_FOUND\"");
  }
}
