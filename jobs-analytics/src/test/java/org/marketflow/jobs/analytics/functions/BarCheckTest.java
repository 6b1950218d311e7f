package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.AnalyticsBars;

/** The bad bars of the "Bad input": each a dead letter with its reason, never a failure. */
class BarCheckTest {

  private static final long START_MS = 1_723_161_240_000L;
  private final BarCheck check = new BarCheck();

  @Test
  void passesAGoodBarAndAConstantOne() {
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 11, 9, 10.5, 3))).isNull();
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 10, 10, 10, 0))).isNull();
  }

  @Test
  void rejectsNonFiniteNonPositiveOrDisorderedPricesAndABadVolumeWithTheReason() {
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, Double.NaN, 9, 10, 1)))
        .isEqualTo("non-finite price in bar");
    assertThat(
            check.problemWith(
                AnalyticsBars.bar("A:B", START_MS, 10, Double.POSITIVE_INFINITY, 9, 10, 1)))
        .isEqualTo("non-finite price in bar");
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 0, 1, 0, 0.5, 1)))
        .isEqualTo("non-positive low 0.0");
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 9, 11, 10, 1)))
        .isEqualTo("prices out of order: open 10.0 high 9.0 low 11.0 close 10.0");
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 11, 9, 12, 1)))
        .isEqualTo("prices out of order: open 10.0 high 11.0 low 9.0 close 12.0");
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 11, 9, 10, -1)))
        .isEqualTo("invalid volume -1.0");
    assertThat(check.problemWith(AnalyticsBars.bar("A:B", START_MS, 10, 11, 9, 10, Double.NaN)))
        .isEqualTo("invalid volume NaN");
  }
}
