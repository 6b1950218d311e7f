package org.marketflow.jobs.analytics.estimators;

/**
 * The part of a bar the estimators read: its start (epoch ms), open, high, low, close and volume.
 * Kept apart from the Avro record so that the estimators stay free of Flink and Kafka.
 */
public record PriceBar(
    long startMs, double open, double high, double low, double close, double volume) {

  /** Positive, finite prices with low ≤ open, close ≤ high, and a finite, non-negative volume. */
  public boolean isValid() {
    return Double.isFinite(open)
        && Double.isFinite(high)
        && Double.isFinite(low)
        && Double.isFinite(close)
        && Double.isFinite(volume)
        && low > 0
        && low <= high
        && open >= low
        && open <= high
        && close >= low
        && close <= high
        && volume >= 0;
  }
}
