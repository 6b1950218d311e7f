package org.marketflow.jobs.microstructure.metrics;

/**
 * The volume-weighted effective spread of an interval's trades: Σ size · {@link
 * Spreads#effectiveBps} / Σ size, each trade against the mid just before it. {@code NaN} when the
 * interval had no trade with a mid ({@link #undefined} counts those without).
 */
public class EffectiveSpread extends VolumeWeightedBps {

  /** For Flink's POJO serializer, and to start an interval. */
  public EffectiveSpread() {}

  /** Adds a trade of {@code size} base units at {@code price}; {@code mid} is the mid before it. */
  public void add(double price, double size, double mid) {
    addValue(Spreads.effectiveBps(price, mid), size);
  }
}
