package org.marketflow.jobs.ohlc.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact sums against BigDecimal: the sum computed exactly, then rounded once. */
class ExactSumTest {

  /** The exact sum of {@code values}, rounded once to the nearest double. */
  private static double exact(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double value : values) {
      sum = sum.add(new BigDecimal(value));
    }
    return sum.doubleValue();
  }

  private static double sum(List<Double> values) {
    ExactSum sum = new ExactSum();
    values.forEach(sum::add);
    return sum.value();
  }

  @Test
  void equalsTheCorrectlyRoundedSumInAnyOrderAndGrouping() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      List<Double> values = new ArrayList<>();
      int n = 1 + random.nextInt(200);
      for (int i = 0; i < n; i++) {
        // Sizes and notionals as venues send them: 1e-7 to 1e8, a few decimals, either sign.
        double value = Math.round(random.nextDouble() * 1e8) / Math.pow(10, random.nextInt(15));
        values.add(random.nextInt(10) == 0 ? -value : value);
      }
      double expected = exact(values);
      assertThat(sum(values)).as("round %d", round).isEqualTo(expected);

      Collections.shuffle(values, random);
      int cut = random.nextInt(values.size() + 1);
      ExactSum left = new ExactSum();
      values.subList(0, cut).forEach(left::add);
      ExactSum right = new ExactSum();
      values.subList(cut, values.size()).forEach(right::add);
      right.add(left);
      assertThat(right.value()).as("round %d, merged", round).isEqualTo(expected);
    }
  }

  @Test
  void roundsHalfwayCasesToEven() {
    double halfUlp = Math.ulp(1.0) / 2;
    // 1 + ulp/2 is half-way between 1 and its successor: ties to even, 1.
    assertThat(sum(List.of(1.0, halfUlp))).isEqualTo(1.0);
    // A tiny amount above half-way rounds up, where a plain sum loses it.
    List<Double> above = List.of(1.0, halfUlp, 1e-300);
    assertThat(sum(above)).isEqualTo(Math.nextUp(1.0)).isEqualTo(exact(above));
    assertThat(1.0 + halfUlp + 1e-300).isEqualTo(1.0);
  }

  @Test
  void keepsWhatAPlainSumLoses() {
    assertThat(sum(List.of(1e16, 1.0, -1e16))).isEqualTo(1.0);
    assertThat(sum(List.of(0.1, 0.2, -0.3))).isEqualTo(exact(List.of(0.1, 0.2, -0.3)));
  }

  @Test
  void anEmptySumIsZeroAndANonFiniteAddendWins() {
    assertThat(new ExactSum().value()).isZero();
    assertThat(sum(List.of(1.0, Double.POSITIVE_INFINITY))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))).isNaN();
  }

  @Test
  void restoresFromItsPartials() {
    ExactSum sum = new ExactSum();
    for (double value : new double[] {1e16, 3.0, 1e-9, 0.1}) {
      sum.add(value);
    }
    double[] partials = new double[sum.partialCount()];
    for (int i = 0; i < partials.length; i++) {
      partials[i] = sum.partial(i);
    }
    ExactSum restored = new ExactSum();
    restored.restore(partials, partials.length, sum.nonFinite());
    assertThat(restored).isEqualTo(sum);
    restored.add(-1e16);
    assertThat(restored.value()).isEqualTo(exact(List.of(3.0, 1e-9, 0.1)));
  }
}
