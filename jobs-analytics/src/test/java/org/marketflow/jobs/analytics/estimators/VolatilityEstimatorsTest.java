package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimators on the real bars, every window of 60 and 1,440 bars starting at every 997th bar,
 * against a plain recomputation: loops over the bars with the textbook formula and a two-pass
 * sample variance.
 */
class VolatilityEstimatorsTest {

  private static final double RELATIVE = 1e-10;

  @Test
  void realizedParkinsonAndGarmanKlassEqualAPlainRecomputationOnRealBars() throws Exception {
    List<PriceBar> all = RecordedBars.all();
    assertThat(all).hasSizeGreaterThan(40_000);
    int windows = 0;
    for (int length : new int[] {60, 1_440}) {
      for (int from = 0; from + length <= all.size(); from += 997) {
        List<PriceBar> window = all.subList(from, from + length);
        assertClose(VolatilityEstimators.realized(window), plainRealized(window));
        assertClose(VolatilityEstimators.parkinson(window), plainParkinson(window));
        assertClose(VolatilityEstimators.garmanKlass(window), plainGarmanKlass(window));
        windows++;
      }
    }
    assertThat(windows).isGreaterThan(80);
  }

  @Test
  void volOfVolIsTheDeviationOfBlockVolatilitiesOnRealBars() throws Exception {
    List<PriceBar> all = RecordedBars.all();
    for (int from = 0; from + 1_441 <= all.size(); from += 4_001) {
      List<PriceBar> window = all.subList(from, from + 1_441 + from % 7);
      List<Double> returns = plainReturns(window);
      List<Double> blockVols = new ArrayList<>();
      int blocks = returns.size() / 60;
      int first = returns.size() - blocks * 60;
      for (int b = 0; b < blocks; b++) {
        blockVols.add(
            Math.sqrt(sampleVariance(returns.subList(first + b * 60, first + (b + 1) * 60))));
      }
      assertClose(VolatilityEstimators.volOfVol(window, 60), Math.sqrt(sampleVariance(blockVols)));
    }
  }

  @Test
  void annualizesOverA365DayYearAroundTheClock() {
    assertThat(Annualization.factor(Duration.ofMinutes(1)))
        .isCloseTo(Math.sqrt(525_600), within(1e-9));
    assertThat(Annualization.factor(Duration.ofHours(1))).isCloseTo(Math.sqrt(8_760), within(1e-9));
    assertThat(Annualization.factor(Duration.ofDays(1))).isCloseTo(Math.sqrt(365), within(1e-9));
  }

  @Test
  void constantPricesGiveZeroVolatility() {
    List<PriceBar> flat = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      flat.add(new PriceBar(i * 60_000L, 100, 100, 100, 100, 1));
    }
    assertThat(VolatilityEstimators.realized(flat).value()).isZero();
    assertThat(VolatilityEstimators.parkinson(flat).value()).isZero();
    assertThat(VolatilityEstimators.garmanKlass(flat).value()).isZero();
    assertThat(VolatilityEstimators.volOfVol(flat, 3).value()).isZero();
  }

  @Test
  void invalidOrTooFewBarsGiveNoValueAndSayWhy() {
    PriceBar good = new PriceBar(0, 100, 101, 99, 100, 1);
    PriceBar nan = new PriceBar(60_000, 100, Double.NaN, 99, 100, 1);
    PriceBar inverted = new PriceBar(60_000, 100, 99, 101, 100, 1);
    assertThat(VolatilityEstimators.realized(List.of(good, nan, good)))
        .isEqualTo(Estimate.undefined(Estimate.INVALID_INPUT));
    assertThat(VolatilityEstimators.parkinson(List.of(inverted)))
        .isEqualTo(Estimate.undefined(Estimate.INVALID_INPUT));
    assertThat(VolatilityEstimators.realized(List.of(good, good)))
        .isEqualTo(Estimate.undefined(Estimate.TOO_FEW_POINTS));
    assertThat(VolatilityEstimators.garmanKlass(List.of()))
        .isEqualTo(Estimate.undefined(Estimate.TOO_FEW_POINTS));
    assertThat(VolatilityEstimators.volOfVol(List.of(good, good, good), 2))
        .isEqualTo(Estimate.undefined(Estimate.TOO_FEW_POINTS));
  }

  private static void assertClose(Estimate estimate, double expected) {
    assertThat(estimate.isDefined()).as(estimate.reason()).isTrue();
    assertThat(estimate.value()).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
  }

  private static List<Double> plainReturns(List<PriceBar> bars) {
    List<Double> returns = new ArrayList<>();
    for (int i = 1; i < bars.size(); i++) {
      returns.add(Math.log(bars.get(i).close() / bars.get(i - 1).close()));
    }
    return returns;
  }

  private static double sampleVariance(List<Double> values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return squares / (values.size() - 1);
  }

  private static double plainRealized(List<PriceBar> bars) {
    return Math.sqrt(sampleVariance(plainReturns(bars)));
  }

  private static double plainParkinson(List<PriceBar> bars) {
    double sum = 0;
    for (PriceBar b : bars) {
      sum += Math.pow(Math.log(b.high()) - Math.log(b.low()), 2);
    }
    return Math.sqrt(sum / bars.size() / (4 * Math.log(2)));
  }

  private static double plainGarmanKlass(List<PriceBar> bars) {
    double sum = 0;
    for (PriceBar b : bars) {
      double hl = Math.log(b.high()) - Math.log(b.low());
      double co = Math.log(b.close()) - Math.log(b.open());
      sum += 0.5 * hl * hl - (2 * Math.log(2) - 1) * co * co;
    }
    return Math.sqrt(sum / bars.size());
  }
}
