package org.marketflow.jobs.microstructure.metrics;

/**
 * A 0–100 liquidity score: the percentile rank of the current total liquidity (USD within the band,
 * both sides) within the instrument's own trailing values, so 50 is a typical moment for that
 * instrument and 0 its thinnest. The trailing values are a ring of the last {@link #capacity}
 * samples, one a minute (1,440: a day) by default.
 *
 * <p>Rank with ties: score = 100 × (below + ½ · equal) / n over the n trailing values, not counting
 * the current one; a value above all of them scores 100, below all 0, equal to all 50. Undefined
 * ({@code NaN}) until {@link #minHistory} values are held, and for an undefined value (which is not
 * recorded either).
 */
public class LiquidityScore {

  /** The trailing values, a ring. */
  public double[] values;

  /** Most trailing values held. */
  public int capacity;

  /** Fewest trailing values for a score. */
  public int minHistory;

  /** Where the next value goes. */
  public int next;

  /** Trailing values held, at most {@link #capacity}. */
  public int count;

  /** For Flink's POJO serializer. */
  public LiquidityScore() {}

  public LiquidityScore(int capacity, int minHistory) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " is not >= 1");
    }
    if (minHistory < 1 || minHistory > capacity) {
      throw new IllegalArgumentException(
          "minHistory " + minHistory + " is not between 1 and the capacity " + capacity);
    }
    this.capacity = capacity;
    this.minHistory = minHistory;
    values = new double[capacity];
  }

  /** The score of {@code value} against the trailing values, without recording it. */
  public double score(double value) {
    if (Double.isNaN(value) || count < minHistory) {
      return Double.NaN;
    }
    int below = 0;
    int equal = 0;
    for (int i = 0; i < count; i++) {
      if (values[i] < value) {
        below++;
      } else if (values[i] == value) {
        equal++;
      }
    }
    return 100.0 * (below + 0.5 * equal) / count;
  }

  /** Records {@code value} as the newest trailing value, pushing out the oldest when full. */
  public void add(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    values[next] = value;
    next = (next + 1) % capacity;
    count = Math.min(count + 1, capacity);
  }

  /** {@link #score} then {@link #add}: once per sample. */
  public double scoreAndAdd(double value) {
    double score = score(value);
    add(value);
    return score;
  }
}
