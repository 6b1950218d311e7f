package org.marketflow.jobs.analytics.state;

/**
 * What one instrument's spread analytics keep, as a Flink POJO (no Kryo): the minutes the watermark
 * has not passed yet, each with the sum and count of its seconds' quoted spreads, the start of the
 * last minute taken, and the trailing minutes' mean spreads (bps, oldest first). Bounded: the open
 * minutes by the watermark's lag, the trailing ones by {@code analytics.anomaly-trailing-bars}.
 */
public class SpreadHistory {
  public long[] openStartMs = new long[0];
  public double[] openSums = new double[0];
  public int[] openCounts = new int[0];
  public long lastClosedMs = Long.MIN_VALUE;
  public double[] trailing = new double[0];

  public SpreadHistory() {}
}
