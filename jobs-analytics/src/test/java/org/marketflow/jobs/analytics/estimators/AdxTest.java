package org.marketflow.jobs.analytics.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdxTest {

  @Test
  void equalsABatchRecomputationOnRealBars() throws Exception {
    List<PriceBar> bars = RecordedBars.all().subList(0, 3_000);
    Adx adx = new Adx(14);
    double[] expected = batchAdx(bars, 14);
    for (int i = 0; i < bars.size(); i++) {
      adx.add(bars.get(i));
      if (Double.isNaN(expected[i])) {
        assertThat(adx.adx().isDefined()).as("bar %d", i).isFalse();
      } else {
        assertThat(adx.adx().value()).as("bar %d", i).isCloseTo(expected[i], within(1e-9));
      }
    }
    assertThat(Double.isNaN(expected[26])).isTrue();
    assertThat(Double.isNaN(expected[27])).as("defined from the 2n-th bar").isFalse();
  }

  @Test
  void aSteadyRiseIsAnUpTrendAndAFallADownTrend() {
    Adx up = new Adx(14);
    Adx down = new Adx(14);
    for (int i = 0; i < 60; i++) {
      double rising = 100 + i;
      up.add(new PriceBar(i, rising, rising + 1.2, rising - 0.2, rising + 1, 1));
      double falling = 200 - i;
      down.add(new PriceBar(i, falling, falling + 0.2, falling - 1.2, falling - 1, 1));
    }
    assertThat(up.adx().value()).isGreaterThan(Adx.TREND_THRESHOLD);
    assertThat(up.direction()).isEqualTo(Adx.Direction.UP);
    assertThat(down.direction()).isEqualTo(Adx.Direction.DOWN);
  }

  @Test
  void constantPricesAreSideways() {
    Adx adx = new Adx(14);
    for (int i = 0; i < 40; i++) {
      adx.add(new PriceBar(i, 100, 100, 100, 100, 1));
    }
    assertThat(adx.adx().value()).isZero();
    assertThat(adx.direction()).isEqualTo(Adx.Direction.SIDEWAYS);
  }

  /** Wilder's ADX over the whole series at once, index by index, NaN until defined. */
  private static double[] batchAdx(List<PriceBar> bars, int n) {
    int size = bars.size();
    double[] tr = new double[size];
    double[] plus = new double[size];
    double[] minus = new double[size];
    for (int i = 1; i < size; i++) {
      PriceBar b = bars.get(i);
      PriceBar p = bars.get(i - 1);
      tr[i] =
          Math.max(
              b.high() - b.low(),
              Math.max(Math.abs(b.high() - p.close()), Math.abs(b.low() - p.close())));
      double up = b.high() - p.high();
      double down = p.low() - b.low();
      plus[i] = (up > down && up > 0) ? up : 0;
      minus[i] = (down > up && down > 0) ? down : 0;
    }
    List<Double> dx = new ArrayList<>();
    double[] result = new double[size];
    java.util.Arrays.fill(result, Double.NaN);
    double sTr = 0, sPlus = 0, sMinus = 0;
    double adx = Double.NaN;
    for (int i = 1; i < size; i++) {
      if (i <= n) {
        sTr += tr[i];
        sPlus += plus[i];
        sMinus += minus[i];
      } else {
        sTr = sTr - sTr / n + tr[i];
        sPlus = sPlus - sPlus / n + plus[i];
        sMinus = sMinus - sMinus / n + minus[i];
      }
      if (i < n) {
        continue;
      }
      double pdi = sTr == 0 ? 0 : 100 * sPlus / sTr;
      double mdi = sTr == 0 ? 0 : 100 * sMinus / sTr;
      dx.add(pdi + mdi == 0 ? 0 : 100 * Math.abs(pdi - mdi) / (pdi + mdi));
      if (dx.size() == n) {
        adx = dx.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      } else if (dx.size() > n) {
        adx = (adx * (n - 1) + dx.get(dx.size() - 1)) / n;
      }
      result[i] = adx;
    }
    return result;
  }
}
