package org.marketflow.jobs.analytics.estimators;

import java.util.ArrayDeque;

/**
 * Pearson correlations of N series over a sliding window of the last {@code capacity} time steps,
 * kept incrementally from running sums: adding a step and dropping the oldest costs O(N²) whatever
 * the window's length, where a recomputation costs O(N² · window).
 *
 * <p>Each pair keeps its own sums over the steps where both series have a value (NaN marks a
 * missing value, see {@link Correlations}). Subtracting dropped steps lets rounding errors build
 * up, so the sums are recomputed from the window's steps once every {@code capacity} drops: the
 * error stays that of at most two windows' additions. State: the window's steps (capacity × N
 * doubles) and six sums per pair, bounded by the capacity and N.
 */
public final class RunningPearson {

  private final int size;
  private final int capacity;
  private final ArrayDeque<double[]> window = new ArrayDeque<>();
  private final long[] count;
  private final double[] sumX;
  private final double[] sumY;
  private final double[] sumXX;
  private final double[] sumYY;
  private final double[] sumXY;
  private int dropsSinceRecompute;

  public RunningPearson(int size, int capacity) {
    if (size < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "size and capacity must be positive: " + size + ", " + capacity);
    }
    this.size = size;
    this.capacity = capacity;
    int pairs = size * size;
    count = new long[pairs];
    sumX = new double[pairs];
    sumY = new double[pairs];
    sumXX = new double[pairs];
    sumYY = new double[pairs];
    sumXY = new double[pairs];
  }

  /**
   * A running correlation continued from {@link #pack()}ed sums over {@code window} (its steps,
   * oldest first) with {@code drops} drops since the sums were last recomputed: the same object,
   * bit for bit, as the one packed, so a job restored from a checkpoint computes what an
   * uninterrupted one does.
   */
  public static RunningPearson restore(
      int size, int capacity, double[][] window, double[] packed, int drops) {
    RunningPearson running = new RunningPearson(size, capacity);
    int pairs = size * size;
    if (packed.length != 6 * pairs) {
      throw new IllegalArgumentException(
          "packed sums of " + packed.length + " values, expected " + 6 * pairs);
    }
    for (double[] step : window) {
      running.window.addLast(step.clone());
    }
    for (int k = 0; k < pairs; k++) {
      running.count[k] = (long) packed[k];
    }
    System.arraycopy(packed, pairs, running.sumX, 0, pairs);
    System.arraycopy(packed, 2 * pairs, running.sumY, 0, pairs);
    System.arraycopy(packed, 3 * pairs, running.sumXX, 0, pairs);
    System.arraycopy(packed, 4 * pairs, running.sumYY, 0, pairs);
    System.arraycopy(packed, 5 * pairs, running.sumXY, 0, pairs);
    running.dropsSinceRecompute = drops;
    return running;
  }

  /** The counts and the five sums of every pair, for {@link #restore}. */
  public double[] pack() {
    int pairs = size * size;
    double[] packed = new double[6 * pairs];
    for (int k = 0; k < pairs; k++) {
      packed[k] = count[k];
    }
    System.arraycopy(sumX, 0, packed, pairs, pairs);
    System.arraycopy(sumY, 0, packed, 2 * pairs, pairs);
    System.arraycopy(sumXX, 0, packed, 3 * pairs, pairs);
    System.arraycopy(sumYY, 0, packed, 4 * pairs, pairs);
    System.arraycopy(sumXY, 0, packed, 5 * pairs, pairs);
    return packed;
  }

  /** Drops since the sums were last recomputed, for {@link #restore}. */
  public int drops() {
    return dropsSinceRecompute;
  }

  public int size() {
    return size;
  }

  public int steps() {
    return window.size();
  }

  /**
   * Adds one time step (one value per series, NaN or infinite when missing), dropping the oldest.
   */
  public void add(double[] step) {
    if (step.length != size) {
      throw new IllegalArgumentException("step of " + step.length + " values, expected " + size);
    }
    double[] copy = step.clone();
    window.addLast(copy);
    accumulate(copy, 1);
    if (window.size() > capacity) {
      accumulate(window.removeFirst(), -1);
      if (++dropsSinceRecompute >= capacity) {
        recompute();
      }
    }
  }

  /** The pair's correlation and p-value over the window; i and j are series indexes. */
  public PairCorrelation correlation(int i, int j, int minObservations) {
    int pair = index(Math.min(i, j), Math.max(i, j));
    long n = count[pair];
    if (n < Math.max(Correlations.MIN_OBSERVATIONS, minObservations)) {
      return PairCorrelation.undefined((int) n, Estimate.TOO_FEW_POINTS);
    }
    double rho =
        Correlations.pearsonFromSums(
            n, sumX[pair], sumY[pair], sumXX[pair], sumYY[pair], sumXY[pair]);
    if (Double.isNaN(rho)) {
      return PairCorrelation.undefined((int) n, Estimate.CONSTANT);
    }
    return PairCorrelation.of(rho, Correlations.tTestPValue(rho, (int) n), (int) n);
  }

  /** The window's steps, oldest first, for the methods that need them all (ranks). */
  public double[][] steps(boolean copy) {
    double[][] out = new double[window.size()][];
    int k = 0;
    for (double[] step : window) {
      out[k++] = copy ? step.clone() : step;
    }
    return out;
  }

  private void accumulate(double[] step, int sign) {
    for (int i = 0; i < size; i++) {
      double x = step[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      for (int j = i + 1; j < size; j++) {
        double y = step[j];
        if (!Double.isFinite(y)) {
          continue;
        }
        int pair = index(i, j);
        count[pair] += sign;
        sumX[pair] += sign * x;
        sumY[pair] += sign * y;
        sumXX[pair] += sign * x * x;
        sumYY[pair] += sign * y * y;
        sumXY[pair] += sign * x * y;
      }
    }
  }

  private void recompute() {
    java.util.Arrays.fill(count, 0);
    java.util.Arrays.fill(sumX, 0);
    java.util.Arrays.fill(sumY, 0);
    java.util.Arrays.fill(sumXX, 0);
    java.util.Arrays.fill(sumYY, 0);
    java.util.Arrays.fill(sumXY, 0);
    for (double[] step : window) {
      accumulate(step, 1);
    }
    dropsSinceRecompute = 0;
  }

  private int index(int i, int j) {
    return i * size + j;
  }
}
