package org.marketflow.jobs.analytics.state;

/**
 * What one instrument's analytics keep between bars, as a Flink POJO of primitive arrays (no Kryo):
 * its last {@code capacity} final 1-minute bars (oldest first), its trailing hourly volatilities,
 * the latest GARCH fit and HMM parameters with the HMM's filtered probabilities. Bounded: the bars
 * by the longest volatility window (24 h at most), the hourly volatilities by 30 days.
 */
public class InstrumentHistory {
  public long[] startMs = new long[0];
  public double[] open = new double[0];
  public double[] high = new double[0];
  public double[] low = new double[0];
  public double[] close = new double[0];
  public double[] volume = new double[0];

  /** 1-hour realized volatilities (annualized), one per hour boundary, oldest first. */
  public double[] hourlyVols = new double[0];

  /** ω, α, β, μ, log-likelihood, σ²_T, ε_T, n of the latest fit; empty before the first. */
  public double[] garch = new double[0];

  public boolean garchConverged;
  public String garchNote;
  public long garchFittedAtMs = Long.MIN_VALUE;

  /** π₀, π₁, a₀₀, a₀₁, a₁₀, a₁₁, μ₀, μ₁, σ²₀, σ²₁; empty before the first fit. */
  public double[] hmm = new double[0];

  public double[] hmmProbabilities = new double[0];
  public long hmmFittedAtMs = Long.MIN_VALUE;

  public InstrumentHistory() {}

  public int size() {
    return startMs.length;
  }

  public long lastStartMs() {
    return startMs.length == 0 ? Long.MIN_VALUE : startMs[startMs.length - 1];
  }

  /** Appends a bar, dropping the oldest beyond {@code capacity}. */
  public void append(long start, double o, double h, double l, double c, double v, int capacity) {
    startMs = appendLong(startMs, start, capacity);
    open = append(open, o, capacity);
    high = append(high, h, capacity);
    low = append(low, l, capacity);
    close = append(close, c, capacity);
    volume = append(volume, v, capacity);
  }

  /** {@code values} with {@code value} appended, the oldest dropped beyond {@code capacity}. */
  public static double[] append(double[] values, double value, int capacity) {
    int keep = Math.min(values.length, capacity - 1);
    double[] out = new double[keep + 1];
    System.arraycopy(values, values.length - keep, out, 0, keep);
    out[keep] = value;
    return out;
  }

  private static long[] appendLong(long[] values, long value, int capacity) {
    int keep = Math.min(values.length, capacity - 1);
    long[] out = new long[keep + 1];
    System.arraycopy(values, values.length - keep, out, 0, keep);
    out[keep] = value;
    return out;
  }
}
