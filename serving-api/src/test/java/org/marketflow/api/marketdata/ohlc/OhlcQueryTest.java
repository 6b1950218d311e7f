package org.marketflow.api.marketdata.ohlc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.marketflow.api.error.ErrorCode;
import org.marketflow.api.error.InvalidParameterException;
import org.marketflow.api.error.ParameterProblem;
import org.marketflow.schemas.bars.BarInterval;

class OhlcQueryTest {

  private static final String INTERVALS = "expected one of 1s, 1m, 5m, 15m, 1h, 4h, 1d";
  private static final String TIME_FORMAT =
      "expected an ISO 8601 instant such as 2024-08-08T23:55:00Z (an offset such as +02:00 is"
          + " accepted) or epoch milliseconds";
  private static final String ENGINE_ID =
      "must be 1-64 letters, digits, '-' or '_', starting with a letter or digit";

  /** A valid instrument query, changed by {@code change}. */
  private static OhlcQuery.Builder btc(UnaryOperator<OhlcQuery.Builder> change) {
    return change.apply(OhlcQuery.builder().instrument("BINANCE:BTCUSDT").interval("1m"));
  }

  private static ParameterProblem problemOf(OhlcQuery.Builder builder) {
    try {
      builder.build();
    } catch (InvalidParameterException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
      assertThat(e.getMessage()).isEqualTo("Invalid parameter '" + e.problem().parameter() + "'");
      return e.problem();
    }
    throw new AssertionError("expected an InvalidParameterException");
  }

  @Test
  void instrumentQueryHasDefaultsAndSelectsExactlyThatInstrument() {
    OhlcQuery query = btc(b -> b).build();

    assertThat(query.instrument()).isEqualTo("BINANCE:BTCUSDT");
    assertThat(query.eventId()).isNull();
    assertThat(query.instruments().exact()).isEqualTo("BINANCE:BTCUSDT");
    assertThat(query.interval()).isEqualTo(BarInterval.M1);
    assertThat(query.startTime()).isEmpty();
    assertThat(query.endTime()).isEmpty();
    assertThat(query.limit()).isEqualTo(100);
  }

  @Test
  void eventQuerySelectsEveryOutcomeAndOptionOfTheEvent() {
    OhlcQuery query = OhlcQuery.builder().eventId("evt-1").interval("1h").build();

    assertThat(query.eventId()).isEqualTo("evt-1");
    assertThat(query.instrument()).isNull();
    assertThat(query.instruments().exact()).isNull();
    assertThat(query.instruments().likePattern()).isEqualTo("PARIFLOW:evt-1:%:%");
  }

  @Test
  void outcomeAndOptionNarrowAnEventToOneInstrument() {
    OhlcQuery query =
        OhlcQuery.builder().eventId("evt-1").outcomeId("out-a").option("NO").interval("1m").build();

    assertThat(query.instruments().exact()).isEqualTo("PARIFLOW:evt-1:out-a:NO");
    assertThat(query.outcomeId()).isEqualTo("out-a");
    assertThat(query.option()).isEqualTo("NO");
  }

  @Test
  void acceptsIsoInstantsWithOffsetsAndEpochMillis() {
    OhlcQuery query =
        btc(b -> b.startTime("2024-08-09T01:52:00+02:00").endTime("1723161600000").limit("1000"))
            .build();

    assertThat(query.startTime()).contains(Instant.parse("2024-08-08T23:52:00Z"));
    assertThat(query.endTime()).contains(Instant.parse("2024-08-09T00:00:00Z"));
    assertThat(query.limit()).isEqualTo(1000);
  }

  @Test
  void acceptsAnOffsetWhosePlusArrivedAsASpace() {
    OhlcQuery query = btc(b -> b.startTime("2024-08-09T01:52:00 02:00")).build();

    assertThat(query.startTime()).contains(Instant.parse("2024-08-08T23:52:00Z"));
  }

  @Test
  void acceptsAStartEqualToTheEndAsAnEmptyRange() {
    OhlcQuery query =
        btc(b -> b.startTime("2024-08-08T23:55:00Z").endTime("2024-08-08T23:55:00Z")).build();

    assertThat(query.startTime()).isEqualTo(query.endTime());
  }

  @Test
  void treatsEmptyParametersAsAbsent() {
    OhlcQuery query = btc(b -> b.eventId("").limit("").startTime("").outcomeId("")).build();

    assertThat(query.limit()).isEqualTo(100);
    assertThat(query.startTime()).isEmpty();
  }

  @Test
  void rejectsAnUnknownInterval() {
    assertThat(problemOf(btc(b -> b.interval("2m"))))
        .isEqualTo(new ParameterProblem("interval", "2m", "unknown interval; " + INTERVALS));
  }

  @Test
  void rejectsAMissingInterval() {
    assertThat(problemOf(btc(b -> b.interval(null))))
        .isEqualTo(new ParameterProblem("interval", null, "required; " + INTERVALS));
  }

  @Test
  void rejectsLimitsOutsideOneToAThousand() {
    String reason = "must be an integer between 1 and 1000";
    assertThat(problemOf(btc(b -> b.limit("0"))))
        .isEqualTo(new ParameterProblem("limit", "0", reason));
    assertThat(problemOf(btc(b -> b.limit("5000"))))
        .isEqualTo(new ParameterProblem("limit", "5000", reason));
    assertThat(problemOf(btc(b -> b.limit("99999999999999999999"))))
        .isEqualTo(new ParameterProblem("limit", "99999999999999999999", reason));
  }

  @Test
  void rejectsANonNumericLimit() {
    String reason = "must be an integer between 1 and 1000";
    assertThat(problemOf(btc(b -> b.limit("ten"))))
        .isEqualTo(new ParameterProblem("limit", "ten", reason));
    assertThat(problemOf(btc(b -> b.limit("-5"))))
        .isEqualTo(new ParameterProblem("limit", "-5", reason));
    assertThat(problemOf(btc(b -> b.limit("1.5"))))
        .isEqualTo(new ParameterProblem("limit", "1.5", reason));
  }

  @Test
  void rejectsAStartAfterTheEnd() {
    assertThat(
            problemOf(
                btc(b -> b.startTime("2024-08-08T23:56:00Z").endTime("2024-08-08T23:55:00Z"))))
        .isEqualTo(
            new ParameterProblem(
                "startTime",
                "2024-08-08T23:56:00Z",
                "must not be after endTime (2024-08-08T23:55:00Z)"));
  }

  @Test
  void rejectsUnparseableTimes() {
    assertThat(problemOf(btc(b -> b.startTime("yesterday"))))
        .isEqualTo(new ParameterProblem("startTime", "yesterday", TIME_FORMAT));
    assertThat(problemOf(btc(b -> b.endTime("2024-08-08T23:55:00"))))
        .isEqualTo(new ParameterProblem("endTime", "2024-08-08T23:55:00", TIME_FORMAT));
    assertThat(problemOf(btc(b -> b.endTime("2024-13-01T00:00:00Z"))))
        .isEqualTo(new ParameterProblem("endTime", "2024-13-01T00:00:00Z", TIME_FORMAT));
    assertThat(problemOf(btc(b -> b.startTime("-1000"))))
        .isEqualTo(new ParameterProblem("startTime", "-1000", TIME_FORMAT));
  }

  @Test
  void rejectsTimesOutsideTheYearsOneToNineThousandNineHundredNinetyNine() {
    assertThat(problemOf(btc(b -> b.endTime("+10000-01-01T00:00:00Z"))))
        .isEqualTo(
            new ParameterProblem(
                "endTime",
                "+10000-01-01T00:00:00Z",
                "out of range; expected a time between 0001-01-01T00:00:00Z and"
                    + " 9999-12-31T23:59:59Z"));
  }

  @Test
  void rejectsBothEventIdAndInstrument() {
    assertThat(problemOf(btc(b -> b.eventId("evt-1"))))
        .isEqualTo(
            new ParameterProblem(
                "instrument",
                "BINANCE:BTCUSDT",
                "exactly one of eventId and instrument is allowed; eventId was given too"));
  }

  @Test
  void rejectsNeitherEventIdNorInstrument() {
    assertThat(problemOf(OhlcQuery.builder().interval("1m")))
        .isEqualTo(
            new ParameterProblem(
                "eventId", null, "exactly one of eventId and instrument is required"));
  }

  @Test
  void rejectsMalformedInstruments() {
    assertThat(problemOf(btc(b -> b.instrument("BTCUSDT"))))
        .isEqualTo(
            new ParameterProblem(
                "instrument", "BTCUSDT", "instrument id must be VENUE:SYMBOL, not 'BTCUSDT'"));
    assertThat(problemOf(btc(b -> b.instrument("binance:btcusdt"))))
        .isEqualTo(
            new ParameterProblem(
                "instrument",
                "binance:btcusdt",
                "instrument id must be upper case: 'binance:btcusdt'"));
    assertThat(problemOf(btc(b -> b.instrument("PARIFLOW:evt-1:out-a"))))
        .isEqualTo(
            new ParameterProblem(
                "instrument",
                "PARIFLOW:evt-1:out-a",
                "PARIFLOW instrument must be PARIFLOW:<eventId>:<outcomeId>:<YES|NO>, not"
                    + " 'PARIFLOW:evt-1:out-a'"));
  }

  @Test
  void rejectsOutcomeOrOptionWithAnInstrument() {
    String reason = "only allowed with eventId, not with instrument";
    assertThat(problemOf(btc(b -> b.outcomeId("out-a"))))
        .isEqualTo(new ParameterProblem("outcomeId", "out-a", reason));
    assertThat(problemOf(btc(b -> b.option("YES"))))
        .isEqualTo(new ParameterProblem("option", "YES", reason));
  }

  @Test
  void rejectsAnOptionOtherThanYesOrNo() {
    assertThat(problemOf(OhlcQuery.builder().eventId("evt-1").option("yes").interval("1m")))
        .isEqualTo(new ParameterProblem("option", "yes", "must be YES or NO"));
    assertThat(problemOf(OhlcQuery.builder().eventId("evt-1").option("MAYBE").interval("1m")))
        .isEqualTo(new ParameterProblem("option", "MAYBE", "must be YES or NO"));
  }

  @Test
  void rejectsMalformedEventAndOutcomeIds() {
    assertThat(problemOf(OhlcQuery.builder().eventId("evt%").interval("1m")))
        .isEqualTo(new ParameterProblem("eventId", "evt%", ENGINE_ID));
    assertThat(problemOf(OhlcQuery.builder().eventId("evt-1").outcomeId("a:b").interval("1m")))
        .isEqualTo(new ParameterProblem("outcomeId", "a:b", ENGINE_ID));
  }

  @Test
  void reportsTheSelectionBeforeTheInterval() {
    assertThat(problemOf(OhlcQuery.builder().interval("2m")).parameter()).isEqualTo("eventId");
  }
}
