package org.marketflow.jobs.analytics.state;

/**
 * What one correlation window keeps between sampling steps, as a Flink POJO of arrays (no Kryo):
 * the instruments (ascending), each one's close at the last step and when it last had a bar, the
 * window's return rows (oldest first, NaN for a missing return) and each method's previous matrix.
 * Bounded: rows by the window's steps, instruments by {@code analytics.max-instruments}, and an
 * instrument without a bar for a whole window leaves it.
 */
public class CorrelationState {
  public String[] assets = new String[0];
  public double[] lastCloses = new double[0];
  public long[] lastSeenMs = new long[0];
  public double[][] rows = new double[0][];

  /** The boundary of the last step taken, epoch ms; Long.MIN_VALUE before the first. */
  public long lastBoundaryMs = Long.MIN_VALUE;

  /**
   * The incremental Pearson's sums ({@code RunningPearson.pack}), empty when they must be rebuilt
   * from the rows; kept in state so a restored job continues them bit for bit.
   */
  public double[] pearsonSums = new double[0];

  public int pearsonDrops;

  /** Per method (CorrelationMethod ordinal): the previous matrix's assets and correlations. */
  public String[][] previousAssets = new String[0][];

  public double[][] previousCorrelations = new double[0][];
  public double[] previousAverages = new double[0];

  public CorrelationState() {}
}
