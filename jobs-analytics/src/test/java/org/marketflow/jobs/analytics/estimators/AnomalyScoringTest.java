package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnomalyScoringTest {

  @Test
  void robustZScoreUsesMedianAndScaledMad() {
    double[] trailing = {1, 2, 3, 4, 5, 6, 100}; // median 4, MAD 2, the outlier does not count
    assertThat(RobustZScore.of(16, trailing, 5).value())
        .isCloseTo(12 / (1.4826 * 2), within(1e-12));
  }

  @Test
  void aZeroMadFallsBackToTheMeanAbsoluteDeviation() {
    double[] trailing = {5, 5, 5, 5, 9}; // MAD 0, mean absolute deviation 0.8
    assertThat(RobustZScore.of(13, trailing, 5).value())
        .isCloseTo(8 / (1.253314 * 0.8), within(1e-12));
    assertThat(RobustZScore.of(13, new double[] {5, 5, 5, 5, 5}, 5).reason())
        .isEqualTo(Estimate.CONSTANT);
    assertThat(RobustZScore.of(13, new double[] {5, Double.NaN, 5}, 3).reason())
        .isEqualTo(Estimate.TOO_FEW_POINTS);
    assertThat(RobustZScore.of(Double.NaN, trailing, 3).reason()).isEqualTo(Estimate.INVALID_INPUT);
  }

  @Test
  void gradesByTheDocumentedThresholds() {
    assertThat(AnomalyGrade.of(3.49)).isNull();
    assertThat(AnomalyGrade.of(3.5))
        .isEqualTo(new AnomalyGrade(3.5, 0.35, AnomalyGrade.Action.ALERT));
    assertThat(AnomalyGrade.of(-6).action()).isEqualTo(AnomalyGrade.Action.INVESTIGATE);
    assertThat(AnomalyGrade.of(-6).severity()).isCloseTo(0.6, within(1e-12));
    assertThat(AnomalyGrade.of(10)).isEqualTo(new AnomalyGrade(10, 1, AnomalyGrade.Action.PAUSE));
    assertThat(AnomalyGrade.of(40).severity()).isEqualTo(1);
    assertThat(AnomalyGrade.of(Double.POSITIVE_INFINITY)).isNull();
  }

  @Test
  void regimesFollowTheirThresholds() {
    double[] trailing = new double[100];
    for (int i = 0; i < 100; i++) {
      trailing[i] = i + 1; // 25th percentile 25.25, 75th 75.75 (commons-math3's default)
    }
    assertThat(Regimes.volatility(25, trailing, 24)).isEqualTo(Regimes.Volatility.LOW);
    assertThat(Regimes.volatility(50, trailing, 24)).isEqualTo(Regimes.Volatility.MEDIUM);
    assertThat(Regimes.volatility(76, trailing, 24)).isEqualTo(Regimes.Volatility.HIGH);
    assertThat(Regimes.volatility(76, new double[] {1, 2}, 24)).isNull();

    assertThat(Regimes.liquidity(60.0, 100)).isEqualTo(Regimes.Liquidity.NORMAL);
    assertThat(Regimes.liquidity(30.0, 100)).isEqualTo(Regimes.Liquidity.STRESSED);
    assertThat(Regimes.liquidity(10.0, 100)).isEqualTo(Regimes.Liquidity.CRISIS);
    assertThat(Regimes.liquidity(null, 100)).isNull();

    assertThat(Regimes.correlation(0.5, 0.45)).isEqualTo(Regimes.Correlation.NORMAL);
    assertThat(Regimes.correlation(0.2, 0.5)).isEqualTo(Regimes.Correlation.BREAKDOWN);
    assertThat(Regimes.correlation(0.9, 0.5)).isEqualTo(Regimes.Correlation.CRISIS);
    assertThat(Regimes.correlation(0.9, null)).isNull();
    assertThat(Regimes.correlationChange(-0.2)).isEqualTo(Regimes.Correlation.BREAKDOWN);
    assertThat(Regimes.correlationChange(-0.19)).isEqualTo(Regimes.Correlation.NORMAL);
    assertThat(Regimes.correlationChange(0.2)).isEqualTo(Regimes.Correlation.CRISIS);
    assertThat(Regimes.correlationChange(Double.NaN)).isNull();
    assertThat(Regimes.correlationChange(null)).isNull();
    assertThat(Regimes.liquidity(50.0, 100)).isEqualTo(Regimes.Liquidity.NORMAL);
    assertThat(Regimes.liquidity(20.0, 100)).isEqualTo(Regimes.Liquidity.STRESSED);
    assertThat(Regimes.liquidity(19.9, 100)).isEqualTo(Regimes.Liquidity.CRISIS);
    assertThat(Regimes.liquidity(10.0, 0)).isNull();
  }

  @Test
  void eachAnomalyTypeCountsItsOwnSide() {
    assertThat(AnomalyType.PRICE_SPIKE.counts(-4)).isTrue();
    assertThat(AnomalyType.PRICE_SPIKE.counts(4)).isTrue();
    assertThat(AnomalyType.VOLUME_SURGE.counts(-4)).isFalse();
    assertThat(AnomalyType.SPREAD_BLOWOUT.counts(4)).isTrue();
    assertThat(AnomalyType.SPREAD_BLOWOUT.counts(-4)).isFalse();
    assertThat(AnomalyType.LIQUIDITY_HOLE.counts(-4)).isTrue();
    assertThat(AnomalyType.LIQUIDITY_HOLE.counts(4)).isFalse();
  }
}
