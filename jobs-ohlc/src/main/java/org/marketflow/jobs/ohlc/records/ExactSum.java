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
 *
 * <p>Speed: the addends first go, exactly, into a signed 128-bit integer in units of the smallest
 * power of two among them (a small fixed-point accumulator: a few integer operations, no loop),
 * which moves into the partials only when it would grow past 2^123, when an addend is too far above
 * or below its range, and before anything reads the sum. A bar folds every trade's size and
 * notional, so this is the per-trade cost of the bars; Shewchuk's loop took a fifth of the source's
 * thread. Both steps are exact, so the value is the same.
 */
public final class ExactSum {

  private static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
  private static final long IMPLICIT_BIT = 0x0010_0000_0000_0000L;
  private static final long CHUNK = (1L << 53) - 1;

  /** |fixed| stays below 2^FIXED_BITS, so that adding a term below it cannot overflow 128 bits. */
  private static final int FIXED_BITS = 123;

  private double[] partials = new double[2];
  private int count;
  private double nonFinite;

  // The finite non-zero addends not yet in the partials: (fixedHi:fixedLo) * 2^fixedScale, exactly.
  private boolean fixedInUse;
  private long fixedHi;
  private long fixedLo;
  private int fixedScale;

  public ExactSum() {}

  /** Adds {@code x} exactly. */
  public void add(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int biased = (int) (bits >>> 52) & 0x7ff;
    if (biased == 0x7ff || x == 0.0) {
      addPartial(x); // non-finite, or a zero (whose sign the partials keep)
      return;
    }
    long m = bits & MANTISSA;
    if (biased == 0) {
      biased = 1; // subnormal
    } else {
      m |= IMPLICIT_BIT;
    }
    // x = m * 2^e with m odd: the accumulator's unit only goes as low as the addends need.
    int zeros = Long.numberOfTrailingZeros(m);
    m >>>= zeros;
    int e = biased - 1075 + zeros;
    if (bits < 0) {
      m = -m;
    }
    if (!fixedInUse) {
      startFixed(m, e);
      return;
    }
    int shift = e - fixedScale;
    if (shift < 0) {
      if (fixedMagnitudeBits() - shift > FIXED_BITS) {
        flushFixed();
        startFixed(m, e);
        return;
      }
      shiftFixedLeft(-shift);
      fixedScale = e;
      shift = 0;
    } else if (shift > FIXED_BITS - 53) {
      flushFixed();
      startFixed(m, e);
      return;
    }
    long termLo;
    long termHi;
    if (shift == 0) {
      termLo = m;
      termHi = m >> 63;
    } else if (shift < 64) {
      termLo = m << shift;
      termHi = m >> (64 - shift);
    } else {
      termLo = 0L;
      termHi = m << (shift - 64);
    }
    long lo = fixedLo + termLo;
    fixedHi += termHi + (Long.compareUnsigned(lo, fixedLo) < 0 ? 1L : 0L);
    fixedLo = lo;
    if (((fixedHi >> (FIXED_BITS - 64)) + 1) >>> 1 != 0) { // |fixed| may have reached 2^123
      flushFixed();
    }
  }

  private void startFixed(long m, int e) {
    fixedLo = m;
    fixedHi = m >> 63;
    fixedScale = e;
    fixedInUse = true;
  }

  /** The bit length of |fixed|. */
  private int fixedMagnitudeBits() {
    long hi = fixedHi;
    long lo = fixedLo;
    if (hi < 0) {
      lo = -lo;
      hi = ~hi + (lo == 0 ? 1 : 0);
    }
    return hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
  }

  private void shiftFixedLeft(int k) {
    if (k >= 64) {
      fixedHi = fixedLo << (k - 64);
      fixedLo = 0L;
    } else {
      fixedHi = (fixedHi << k) | (fixedLo >>> (64 - k));
      fixedLo <<= k;
    }
  }

  /**
   * Moves the fixed-point accumulator into the partials: its magnitude cut into 53-bit chunks, each
   * a double exactly (an integer below 2^53 times a power of two no smaller than the least addend's
   * unit), added by Shewchuk's algorithm.
   */
  private void flushFixed() {
    if (!fixedInUse) {
      return;
    }
    fixedInUse = false;
    long hi = fixedHi;
    long lo = fixedLo;
    double sign = 1.0;
    if (hi < 0) {
      sign = -1.0;
      lo = -lo;
      hi = ~hi + (lo == 0 ? 1 : 0);
    }
    addChunk(sign, hi >>> 42, fixedScale + 106);
    addChunk(sign, ((lo >>> 53) | (hi << 11)) & CHUNK, fixedScale + 53);
    addChunk(sign, lo & CHUNK, fixedScale);
  }

  private void addChunk(double sign, long chunk, int scale) {
    if (chunk != 0) {
      addPartial(sign * Math.scalb((double) chunk, scale));
    }
  }

  /** Adds {@code x} to the partials (Shewchuk's step). */
  private void addPartial(double x) {
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
    other.flushFixed();
    for (int i = 0; i < other.count; i++) {
      add(other.partials[i]);
    }
    nonFinite += other.nonFinite;
  }

  /** Starts again from {@code value}. */
  public void set(double value) {
    fixedInUse = false;
    count = 0;
    nonFinite = 0;
    add(value);
  }

  /** The exact sum, rounded to the nearest double (ties to even). */
  public double value() {
    flushFixed();
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
    flushFixed();
    return count;
  }

  public double partial(int i) {
    flushFixed();
    return partials[i];
  }

  /** The non-finite part of the sum (0 when every addend was finite). */
  public double nonFinite() {
    return nonFinite;
  }

  /** Restores a sum from its partials and non-finite part, as {@link #partial} gave them. */
  public void restore(double[] restoredPartials, int restoredCount, double restoredNonFinite) {
    fixedInUse = false;
    partials = restoredCount > 0 ? Arrays.copyOf(restoredPartials, restoredCount) : new double[2];
    count = restoredCount;
    nonFinite = restoredNonFinite;
  }

  /** Equal when both hold the same partials: the same exact sum, built the same way. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExactSum other)) {
      return false;
    }
    flushFixed();
    other.flushFixed();
    return count == other.count
        && Double.compare(nonFinite, other.nonFinite) == 0
        && Arrays.equals(partials, 0, count, other.partials, 0, count);
  }

  @Override
  public int hashCode() {
    flushFixed();
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
