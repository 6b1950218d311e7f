package org.marketflow.jobs.microstructure.metrics;

/**
 * The quoted spread of an interval averaged over time: Σ spread · how long it stood / Σ time the
 * book was two-sided. The operator reports each quote change ({@link #onQuote}) and closes the
 * interval ({@link #close}); time with no two-sided quote (a side empty, a crossed book, an
 * unsynced book) counts for nothing. A Flink POJO; allocates nothing.
 */
public class TimeWeightedSpread {

  /** The spread in force (bps), {@code NaN} when the book is not two-sided. */
  public double currentBps = Double.NaN;

  /** Since when {@link #currentBps} is in force, epoch µs; {@link Long#MIN_VALUE} before any. */
  public long sinceUs = Long.MIN_VALUE;

  /** Σ spread × µs over the interval so far. */
  public double weightedSum;

  /** Two-sided µs in the interval so far. */
  public long twoSidedUs;

  /** For Flink's POJO serializer, and to start. */
  public TimeWeightedSpread() {}

  /**
   * The interval starts at {@code startUs}: the spread in force then counts from there. Call it
   * before the interval's first quote change.
   */
  public void open(long startUs) {
    if (sinceUs < startUs) {
      sinceUs = startUs;
    }
  }

  /** The spread became {@code bps} at {@code timeUs} ({@code NaN}: no two-sided quote). */
  public void onQuote(long timeUs, double bps) {
    accumulateTo(timeUs);
    currentBps = bps;
  }

  /**
   * The interval ends at {@code endUs}: its time-weighted spread in bps, {@code NaN} when it was
   * never two-sided. The spread in force stays for the next interval.
   */
  public double close(long endUs) {
    accumulateTo(endUs);
    double bps = twoSidedUs > 0 ? weightedSum / twoSidedUs : Double.NaN;
    weightedSum = 0.0;
    twoSidedUs = 0;
    return bps;
  }

  private void accumulateTo(long timeUs) {
    if (sinceUs != Long.MIN_VALUE && timeUs > sinceUs && !Double.isNaN(currentBps)) {
      long span = timeUs - sinceUs;
      weightedSum += currentBps * span;
      twoSidedUs += span;
    }
    if (timeUs > sinceUs) {
      sinceUs = timeUs;
    }
  }
}
