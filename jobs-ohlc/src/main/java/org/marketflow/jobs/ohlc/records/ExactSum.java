package org.marketflow.jobs.ohlc.records;

import java.util.Arrays;

/**
 * A sum of doubles kept exactly, as a few non-overlapping partials (Shewchuk's algorithm, the one
 * behind Python's {@code math.fsum}), and read correctly rounded: the value is the exact sum
 * rounded once to the nearest double, whatever the order or grouping of the additions.
 *
 * <p>Why: a bar's trades reach it in partial bars whose boundaries depend on when watermarks come,
 * so a plain running sum would group the same trades differently from run to run and differ in its
 * last bits; a replay must give the same bars. Hand-written because no library at hand has exact
 * summation (commons-math3 has compensated sums, which are closer but still order-dependent).
 *
 * <p>Finite addends only: a non-finite one makes the sum that value (NaN for opposite infinities),
 * and a sum beyond {@link Double#MAX_VALUE} is not supported.
 */
public final class ExactSum {

  private double[] partials = new double[2];
  private int count;
  private double nonFinite;

  public ExactSum() {}

  /** Adds {@code x} exactly. */
  public void add(double x) {
    if (!Double.isFinite(x)) {
      nonFinite += x;
      return;
    }
    double[] p = partials;
    int kept = 0;
    for (int j = 0; j < count; j++) {
      // Knuth's two-sum: hi + lo == x + y exactly, whichever is larger (no branch to mispredict).
      double y = p[j];
      double hi = x + y;
      double yPart = hi - x;
      double lo = (x - (hi - yPart)) + (y - yPart);
      if (lo != 0.0) {
        p[kept++] = lo;
      }
      x = hi;
    }
    if (kept == p.length) {
      p = Arrays.copyOf(p, p.length * 2);
      partials = p;
    }
    p[kept++] = x;
    count = kept;
  }

  /** Adds every addend of {@code other}, exactly. */
  public void add(ExactSum other) {
    for (int i = 0; i < other.count; i++) {
      add(other.partials[i]);
    }
    nonFinite += other.nonFinite;
  }

  /** Starts again from {@code value}. */
  public void set(double value) {
    count = 0;
    nonFinite = 0;
    add(value);
  }

  /** The exact sum, rounded to the nearest double (ties to even). */
  public double value() {
    if (nonFinite != 0.0 || Double.isNaN(nonFinite)) {
      return nonFinite;
    }
    int n = count;
    if (n == 0) {
      return 0.0;
    }
    double[] p = partials;
    double hi = p[--n];
    double lo = 0.0;
    // From the largest partial down, until the sum becomes inexact.
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) {
        break;
      }
    }
    // Half-way cases: the partials below decide which way the tie goes.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }

  /** How many partials hold the sum: what {@link #partial} reads, and a serializer writes. */
  public int partialCount() {
    return count;
  }

  public double partial(int i) {
    return partials[i];
  }

  /** The non-finite part of the sum (0 when every addend was finite). */
  public double nonFinite() {
    return nonFinite;
  }

  /** Restores a sum from its partials and non-finite part, as {@link #partial} gave them. */
  public void restore(double[] restoredPartials, int restoredCount, double restoredNonFinite) {
    partials = restoredCount > 0 ? Arrays.copyOf(restoredPartials, restoredCount) : new double[2];
    count = restoredCount;
    nonFinite = restoredNonFinite;
  }

  /** Equal when both hold the same partials: the same exact sum, built the same way. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ExactSum other
        && count == other.count
        && Double.compare(nonFinite, other.nonFinite) == 0
        && Arrays.equals(partials, 0, count, other.partials, 0, count);
  }

  @Override
  public int hashCode() {
    int hash = Double.hashCode(nonFinite);
    for (int i = 0; i < count; i++) {
      hash = 31 * hash + Double.hashCode(partials[i]);
    }
    return hash;
  }

  @Override
  public String toString() {
    return Double.toString(value());
  }
}
