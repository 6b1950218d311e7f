package org.marketflow.ingest.simulator;

/**
 * The shape of one instrument's book in the quiet regime: how many price levels each side holds,
 * how wide the spread is, and how much rests at each level. Level {@code k} of a side ({@code k =
 * 0} at the touch, one tick further out per level) holds on average
 *
 * <pre>
 *   size(k) = touchSize × (1 + depthGrowth × k)
 * </pre>
 *
 * base units (coins, contracts): books grow thicker away from the touch, where orders wait for a
 * larger move. The stressed regime multiplies the spread and the sizes (see {@link
 * SimulatorSettings.Regimes}).
 *
 * @param levels price levels per side, one tick apart (fewer where a prediction market's 0.01–0.99
 *     range ends first)
 * @param spreadTicks best ask minus best bid, in ticks
 * @param touchSize mean size at the best bid and the best ask, base units
 * @param depthGrowth how much each level further out adds, as a fraction of {@code touchSize}
 */
public record BookProfile(int levels, int spreadTicks, double touchSize, double depthGrowth) {

  public BookProfile {
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be at least 1, not " + levels);
    }
    if (spreadTicks < 1) {
      throw new IllegalArgumentException("spreadTicks must be at least 1, not " + spreadTicks);
    }
    if (!(touchSize > 0) || Double.isInfinite(touchSize)) {
      throw new IllegalArgumentException("touchSize must be positive, not " + touchSize);
    }
    if (!(depthGrowth >= 0) || Double.isInfinite(depthGrowth)) {
      throw new IllegalArgumentException("depthGrowth must be 0 or more, not " + depthGrowth);
    }
  }

  /** Mean size of level {@code k} of a side, base units, before any regime multiplier. */
  public double size(int k) {
    return touchSize * (1 + depthGrowth * k);
  }
}
