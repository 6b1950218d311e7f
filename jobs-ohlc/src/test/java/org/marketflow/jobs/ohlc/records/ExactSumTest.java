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

  /** Summed in order, then shuffled and summed in two parts merged: the exact sum each time. */
  private static void assertExactInAnyOrderAndGrouping(
      List<Double> values, Random random, int round) {
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
      assertExactInAnyOrderAndGrouping(values, random, round);
    }
  }

  @Test
  void staysExactAcrossTheWholeRangeOfDoubles() {
    // Addends of any exponent (subnormals too) and sign, so that the fixed-point front is rescaled,
    // overflows and is moved into the partials in every way.
    Random random = new Random(23);
    for (int round = 0; round < 3_000; round++) {
      List<Double> values = new ArrayList<>();
      int n = 1 + random.nextInt(120);
      int center = random.nextInt(1_900) - 1_074;
      int spread = 1 + random.nextInt(random.nextBoolean() ? 8 : 200);
      for (int i = 0; i < n; i++) {
        long mantissa = random.nextLong() >>> (11 + random.nextInt(53));
        int exponent =
            Math.max(-1_074, Math.min(900, center + random.nextInt(2 * spread) - spread));
        double value = Math.scalb((double) mantissa, exponent);
        values.add(random.nextBoolean() ? -value : value);
      }
      assertExactInAnyOrderAndGrouping(values, random, round);
    }
  }

  @Test
  void staysExactWhenTheFixedPointFrontFillsUp() {
    // 2^-60 sets the unit; each next addend is about 2^123 units, the most the front takes.
    List<Double> values = new ArrayList<>();
    values.add(Math.scalb(1.0, -60));
    for (int i = 0; i < 1_000; i++) {
      values.add(Math.scalb((double) ((1L << 53) - 1 - 2 * i), 10));
      values.add(i % 3 == 0 ? -Math.scalb(1.0, -59) : Math.scalb(3.0, -60));
    }
    assertThat(sum(values)).isEqualTo(exact(values));
  }

  @Test
  void cancelsToZeroAndKeepsTheSignOfZeros() {
    assertThat(sum(List.of(0.1, 1e-300, -0.1, -1e-300))).isEqualTo(0.0);
    assertThat(sum(List.of(Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_VALUE)))
        .isEqualTo(Double.MIN_VALUE);
    assertThat(sum(List.of(-0.0))).isEqualTo(-0.0);
    assertThat(sum(List.of(1.5, -0.0))).isEqualTo(1.5);
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
