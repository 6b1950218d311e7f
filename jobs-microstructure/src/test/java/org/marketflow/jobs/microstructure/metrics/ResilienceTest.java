package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResilienceTest {

  private static final long SECOND = 1_000_000L;

  @Test
  void sweepHalfLivesMatchAPlainComputationOverARandomDepthSeries() {
    Random random = new Random(23L);
    int medianSeconds = 30;
    int minSamples = 10;
    long maxRecovery = 20 * SECOND;
    SweepWatch watch = new SweepWatch(medianSeconds, minSamples, 0.5, maxRecovery);

    List<Long> actual = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    List<Double> samples = new ArrayList<>();
    long second = Long.MIN_VALUE;
    double last = Double.NaN;
    double median = Double.NaN;
    boolean inSweep = false;
    long start = 0;
    double reference = 0;
    double trough = 0;

    long timeUs = 1_700_000_000L * SECOND;
    double depth = 100;
    for (int i = 0; i < 50_000; i++) {
      timeUs += random.nextInt(50) == 0 ? random.nextInt(15) * SECOND : random.nextInt(800_000);
      if (random.nextInt(400) == 0) {
        depth = 10 + random.nextInt(30);
      } else {
        depth =
            Math.max(1, depth + (100 - depth) * random.nextDouble() * 0.2 + random.nextGaussian());
      }
      long halfLife = watch.onDepth(timeUs, depth);
      if (halfLife >= 0) {
        actual.add(halfLife);
      }

      long now = Math.floorDiv(timeUs, SECOND);
      if (second == Long.MIN_VALUE) {
        second = now;
      } else if (now > second) {
        if (!Double.isNaN(last)) {
          for (long s = second; s < now; s++) {
            samples.add(last);
          }
          while (samples.size() > medianSeconds) {
            samples.remove(0);
          }
          List<Double> sorted = new ArrayList<>(samples);
          Collections.sort(sorted);
          int n = sorted.size();
          median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
        second = now;
      }
      if (!Double.isNaN(median)) {
        assertThat(watch.median).as("the median after %d depths", i + 1).isEqualTo(median);
      }
      last = depth;
      if (inSweep) {
        trough = Math.min(trough, depth);
        if (depth >= trough + (reference - trough) / 2) {
          inSweep = false;
          expected.add(Math.min(timeUs - start, maxRecovery));
        } else if (timeUs - start >= maxRecovery) {
          inSweep = false;
          expected.add(maxRecovery);
        }
      } else if (samples.size() >= minSamples && depth < median / 2) {
        inSweep = true;
        start = timeUs;
        reference = median;
        trough = depth;
      }
    }
    assertThat(actual).hasSizeGreaterThan(50).isEqualTo(expected);
  }

  @Test
  void scoresARecoveryByItsHalfLife() {
    Resilience resilience = resilience();
    steady(resilience, 0, 40);
    // t = 40.5 s: the bids fall from 100 to 20 (a sweep, under 50), to 10 at 41 s (the trough),
    // and are back to 55 = 10 + (100 - 10) / 2 at 42.5 s: a half-life of 2 s.
    resilience.onDepth(40 * SECOND + 500_000, 20, 100);
    resilience.onDepth(41 * SECOND, 10, 100);
    resilience.onDepth(42 * SECOND, 54, 100);
    assertThat(resilience.score(42 * SECOND)).isNaN();
    resilience.onDepth(42 * SECOND + 500_000, 55, 100);

    // 100 * 2^(-2 s / 5 s)
    assertThat(resilience.score(43 * SECOND)).isCloseTo(75.7858283, within(1e-6));
    assertThat(resilience.sweeps).isEqualTo(1);
    assertThat(resilience.score(42 * SECOND + 500_000 + 3_600 * SECOND))
        .as("an hour later the sweep has left the window")
        .isNaN();
  }

  @Test
  void anUnrecoveredSweepScoresZeroAndSweepsAreAveraged() {
    Resilience resilience = resilience();
    steady(resilience, 0, 40);
    resilience.onDepth(40 * SECOND, 100, 10);
    resilience.onDepth(100 * SECOND, 100, 20);
    assertThat(resilience.score(100 * SECOND)).isZero();

    steady(resilience, 101, 200);
    resilience.onDepth(200 * SECOND, 10, 100);
    resilience.onDepth(200 * SECOND + 1, 100, 100);
    // Recovered at once (1 us): about 100; with the 0 before, about 50.
    assertThat(resilience.score(201 * SECOND)).isCloseTo(50.0, within(1e-3));
  }

  @Test
  void seesNoSweepBeforeItKnowsTheNormalDepth() {
    Resilience resilience = resilience();
    steady(resilience, 0, 5);
    resilience.onDepth(5 * SECOND, 1, 1);
    resilience.onDepth(6 * SECOND, 100, 100);
    assertThat(resilience.sweeps).isZero();
  }

  @Test
  void mapsHalfLivesToScores() {
    Resilience resilience = resilience();
    assertThat(resilience.scoreOf(0)).isEqualTo(100.0);
    assertThat(resilience.scoreOf(5 * SECOND)).isEqualTo(50.0);
    assertThat(resilience.scoreOf(10 * SECOND)).isEqualTo(25.0);
    assertThat(resilience.scoreOf(60 * SECOND)).isZero();
  }

  @Test
  void remembersOnlyItsLastSweeps() {
    Resilience resilience = new Resilience(10, 30, 10, 0.5, SECOND, 60 * SECOND, 3_600 * SECOND, 3);
    steady(resilience, 0, 20);
    long s = 20;
    for (int sweep = 0; sweep < 5; sweep++) {
      resilience.onDepth(s * SECOND, 10, 100);
      resilience.onDepth((s + 1) * SECOND, 100, 100);
      steady(resilience, s + 2, s + 12);
      s += 12;
    }
    assertThat(resilience.sweeps).isEqualTo(5);
    assertThat(resilience.count).isEqualTo(3);
    // Each recovered in 1 s, the reference half-life: 50 each.
    assertThat(resilience.score(s * SECOND)).isCloseTo(50.0, within(1e-9));
  }

  /** K = 10, a 300 s median, 30 s of history, sweeps under 50 %, H = 5 s, 60 s at most, 1 h. */
  private static Resilience resilience() {
    return new Resilience(10, 300, 30, 0.5, 5 * SECOND, 60 * SECOND, 3_600 * SECOND, 20);
  }

  /** Both sides at 100 from {@code from} to {@code to} seconds, an update a second. */
  private static void steady(Resilience resilience, long from, long to) {
    for (long s = from; s < to; s++) {
      resilience.onDepth(s * SECOND, 100, 100);
    }
  }
}
