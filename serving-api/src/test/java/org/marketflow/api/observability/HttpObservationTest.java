package org.marketflow.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access-log line as {@link HttpObservation} builds it, without a running service. */
class HttpObservationTest {

  @Test
  void writesTheSixFieldsInOrder() {
    assertThat(HttpObservation.accessLine("GET", "/q/health/live", 200, 1_234_567, 45, "10.0.0.7"))
        .isEqualTo(
            "method=GET path=/q/health/live status=200 duration_ms=1.235 bytes=45 remote=10.0.0.7");
  }

  @Test
  void writesADashForAnUnknownRemoteAddress() {
    assertThat(HttpObservation.accessLine("POST", "NOT_FOUND", 404, 0, 0, null))
        .isEqualTo("method=POST path=NOT_FOUND status=404 duration_ms=0.000 bytes=0 remote=-");
  }

  /** The duration reads as {@code %.3f} of milliseconds would write it (half up), in any locale. */
  @ParameterizedTest
  @ValueSource(
      longs = {1, 499, 500, 999, 5_000, 99_999, 999_499, 999_500, 1_000_000, 12_345_678_901L})
  void writesTheDurationInMillisecondsWithThreeDecimals(long nanos) {
    String expected =
        String.format(
            Locale.ROOT,
            "%.3f",
            new java.math.BigDecimal(nanos)
                .movePointLeft(6)
                .setScale(3, java.math.RoundingMode.HALF_UP));

    assertThat(HttpObservation.accessLine("GET", "/", 200, nanos, 0, "-"))
        .contains(" duration_ms=" + expected + " ");
  }
}
