package org.marketflow.jobs.microstructure.metrics;

/**
 * A volume-weighted mean of per-trade values in basis points over an interval: Σ size · value / Σ
 * size. A trade whose value is undefined is counted apart and left out. The operator calls {@link
 * #reset()} when it has published the interval.
 */
public class VolumeWeightedBps {

  /** Σ size × value (bps) of the interval's trades. */
  public double weightedSum;

  /** Σ size of the trades in {@link #weightedSum}, base units. */
  public double volume;

  /** Trades of the interval in the mean. */
  public long counted;

  /** Trades of the interval left out because their value was undefined. */
  public long undefined;

  /** For Flink's POJO serializer, and to start an interval. */
  public VolumeWeightedBps() {}

  /**
   * Adds a trade of {@code size} base units whose value is {@code bps} ({@code NaN}: undefined).
   */
  public void addValue(double bps, double size) {
    if (Double.isNaN(bps)) {
      undefined++;
      return;
    }
    weightedSum += size * bps;
    volume += size;
    counted++;
  }

  /** The volume-weighted mean in bps, or {@code NaN} when no trade had a value. */
  public double bps() {
    return volume > 0.0 ? weightedSum / volume : Double.NaN;
  }

  /** Starts the next interval. */
  public void reset() {
    weightedSum = 0.0;
    volume = 0.0;
    counted = 0;
    undefined = 0;
  }
}
