package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * How fast the book's liquidity comes back after a sweep, as a 0–100 score. Each side's depth in
 * its best {@link #levels} levels (base units) is watched by a {@link SweepWatch}; each sweep that
 * ends gives a half-life h, scored 100 · 2^(−h / H) with H = {@link #referenceHalfLifeUs} (h = 0:
 * 100, h = H: 50, h = 2H: 25) and 0 when it did not recover. The resilience score is the mean score
 * of the last {@link #outcomeScores} sweeps (at most) that ended within {@link #windowUs}; {@code
 * NaN} when none did: a book that has not been swept has shown no resilience either way.
 */
public class Resilience {

  public int levels;
  public long referenceHalfLifeUs;
  public long windowUs;

  public SweepWatch bids;
  public SweepWatch asks;

  /** When each recent sweep ended, a ring beside {@link #outcomeScores}. */
  public long[] outcomeTimesUs;

  /** The score of each recent sweep. */
  public double[] outcomeScores;

  public int next;
  public int count;

  /** Sweeps ended since the start, recovered or not. */
  public long sweeps;

  /** For Flink's POJO serializer. */
  public Resilience() {}

  /**
   * @param levels best levels a side whose depth is watched
   * @param medianSeconds seconds of depth whose median is the normal depth
   * @param minSamples fewest seconds of depth before a sweep can be seen
   * @param sweepFraction a sweep is depth below this fraction of the median
   * @param referenceHalfLifeUs the half-life that scores 50
   * @param maxRecoveryUs a sweep not half recovered by then scores 0
   * @param windowUs sweeps that ended longer ago do not count
   * @param outcomes most sweeps remembered
   */
  public Resilience(
      int levels,
      int medianSeconds,
      int minSamples,
      double sweepFraction,
      long referenceHalfLifeUs,
      long maxRecoveryUs,
      long windowUs,
      int outcomes) {
    if (levels < 1 || outcomes < 1 || referenceHalfLifeUs <= 0 || windowUs <= 0) {
      throw new IllegalArgumentException(
          "levels, outcomes, reference half-life and window must be > 0: "
              + levels
              + ", "
              + outcomes
              + ", "
              + referenceHalfLifeUs
              + ", "
              + windowUs);
    }
    this.levels = levels;
    this.referenceHalfLifeUs = referenceHalfLifeUs;
    this.windowUs = windowUs;
    bids = new SweepWatch(medianSeconds, minSamples, sweepFraction, maxRecoveryUs);
    asks = new SweepWatch(medianSeconds, minSamples, sweepFraction, maxRecoveryUs);
    outcomeTimesUs = new long[outcomes];
    outcomeScores = new double[outcomes];
  }

  /** The book changed at {@code timeUs}: watches its top-{@link #levels} depth. Allocation-free. */
  public void onBook(long timeUs, L2Book book) {
    onDepth(
        timeUs,
        Depth.topLevels(book, BookSide.BID, levels),
        Depth.topLevels(book, BookSide.ASK, levels));
  }

  /** The sides' top-of-book depths are these from {@code timeUs} on. */
  public void onDepth(long timeUs, double bidDepth, double askDepth) {
    record(timeUs, bids.onDepth(timeUs, bidDepth));
    record(timeUs, asks.onDepth(timeUs, askDepth));
  }

  /** The score of a sweep that regained half its loss in {@code halfLifeUs}. */
  public double scoreOf(long halfLifeUs) {
    return halfLifeUs >= bids.maxRecoveryUs
        ? 0.0
        : 100.0 * Math.pow(2.0, -(double) halfLifeUs / referenceHalfLifeUs);
  }

  /** The resilience score at {@code nowUs}, or {@code NaN} when no sweep ended in the window. */
  public double score(long nowUs) {
    double sum = 0.0;
    int counted = 0;
    for (int i = 0; i < count; i++) {
      if (outcomeTimesUs[i] > nowUs - windowUs) {
        sum += outcomeScores[i];
        counted++;
      }
    }
    return counted > 0 ? sum / counted : Double.NaN;
  }

  private void record(long timeUs, long halfLifeUs) {
    if (halfLifeUs < 0) {
      return;
    }
    outcomeTimesUs[next] = timeUs;
    outcomeScores[next] = scoreOf(halfLifeUs);
    next = (next + 1) % outcomeScores.length;
    count = Math.min(count + 1, outcomeScores.length);
    sweeps++;
  }
}
