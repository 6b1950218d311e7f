package org.marketflow.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

class BarComparisonTest {

  private static final long MINUTE_US = 60_000_000L;
  private static final List<BarInterval> ONE_MINUTE = List.of(BarInterval.M1);

  /** The final 1-minute bar {@code minute} minutes after the start, 10 trades. */
  private static OhlcBar.Builder minute(int minute) {
    return BarFixtures.bar("1m", BarFixtures.START_US + minute * MINUTE_US);
  }

  private static BarFields bar(int minute) {
    return BarFields.of(minute(minute).build());
  }

  private static BarComparison comparing(long trades, BarFields job, BarFields sql) {
    BarComparison comparison = new BarComparison(ONE_MINUTE, trades);
    comparison.addJob(job);
    comparison.addSql(sql);
    return comparison;
  }

  @Test
  void agreesOnEqualBarsAndCountsThemPerInterval() {
    BarComparison.Result result = comparing(10, bar(0), bar(0)).result();

    assertThat(result.compared()).containsExactly(java.util.Map.entry("1m", 1L));
    assertThat(result.comparedBars()).isEqualTo(1);
    assertThat(result.mismatched()).isZero();
    assertThat(result.shown()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void findsADifferingCloseAndShowsBothBarsInFull() {
    BarComparison.Result result =
        comparing(10, bar(1), BarFields.of(minute(1).setClose(101.25).build())).result();

    assertThat(result.mismatched()).isEqualTo(1);
    assertThat(result.problems())
        .containsExactly("field check: 1 of 1 bars differ between the job and the SQL query");
    assertThat(result.shown()).hasSize(1);
    assertThat(result.shown().get(0))
        .startsWith("SIM:I000 1m 2025-01-01T00:01:00Z differs: close job 101.0, SQL 101.25. Job ")
        .contains("close=101.0")
        .contains("close=101.25");
  }

  @Test
  void takesSumsAsEqualWithinTheRelativeToleranceOnly() {
    double volume = bar(0).volume();

    assertThat(
            comparing(10, bar(0), BarFields.of(minute(0).setVolume(volume * (1 + 1e-12)).build()))
                .result()
                .problems())
        .isEmpty();
    assertThat(
            comparing(10, bar(0), BarFields.of(minute(0).setVolume(volume * (1 + 1e-8)).build()))
                .result()
                .shown())
        .singleElement()
        .asString()
        .contains("differs: volume job 2.5, SQL 2.500000025");
  }

  @Test
  void reportsBarsThatOnlyOneSideEmitted() {
    BarComparison comparison = new BarComparison(ONE_MINUTE, 20);
    comparison.addJob(bar(0));
    comparison.addJob(bar(1));
    comparison.addSql(bar(1));
    comparison.addSql(bar(2));

    BarComparison.Result result = comparison.result();

    assertThat(result.onlyFromJob()).isEqualTo(1);
    assertThat(result.onlyFromSql()).isEqualTo(1);
    assertThat(result.comparedBars()).isEqualTo(1);
    assertThat(result.shown())
        .satisfiesExactly(
            only ->
                assertThat(only).startsWith("SIM:I000 1m 2025-01-01T00:00:00Z only from the job"),
            only -> assertThat(only).startsWith("SIM:I000 1m 2025-01-01T00:02:00Z only from SQL"));
    assertThat(result.problems())
        .containsExactly(
            "field check: bars only from the job: 1",
            "field check: bars only from the SQL query: 1");
  }

  @Test
  void reportsAnIntervalWhoseBarsDoNotHoldEveryTrade() {
    assertThat(comparing(11, bar(0), bar(0)).result().problems())
        .containsExactly("field check: the job's 1m bars hold 10 trades, not 11");
  }

  @Test
  void reportsABarEmittedTwice() {
    BarComparison comparison = comparing(10, bar(0), bar(0));
    comparison.addJob(bar(0));

    assertThat(comparison.result().problems())
        .containsExactly("field check: bars a side emitted more than once: 1");
  }

  @Test
  void showsOnlyTheFirstDifferencesInFullButCountsThemAll() {
    BarComparison comparison = new BarComparison(ONE_MINUTE, 80);
    for (int minute = 0; minute < 8; minute++) {
      comparison.addJob(bar(minute));
      comparison.addSql(BarFields.of(minute(minute).setClose(99.0).build()));
    }

    BarComparison.Result result = comparison.result();

    assertThat(result.mismatched()).isEqualTo(8);
    assertThat(result.shown()).hasSize(BarComparison.SHOWN);
    assertThat(result.shown().get(0)).startsWith("SIM:I000 1m 2025-01-01T00:00:00Z differs");
    assertThat(result.problems())
        .containsExactly("field check: 8 of 8 bars differ between the job and the SQL query");
  }
}
