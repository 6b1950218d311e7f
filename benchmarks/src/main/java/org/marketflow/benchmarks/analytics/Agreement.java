package org.marketflow.benchmarks.analytics;

/**
 * How one method's matrices from the job compare with commons-math3's over the same returns, over
 * every measured update: the largest differences of ρ and of p among the pairs both define, and the
 * pairs where they disagree on whether ρ is defined, or on the number of common returns.
 *
 * @param pairs pairs compared (each measured update's i &lt; j)
 * @param undefined pairs both leave undefined (a constant series: null in the job, NaN in batch)
 */
public record Agreement(
    long pairs,
    double maxRhoDifference,
    double maxPValueDifference,
    long undefined,
    long definedOnOneSide,
    long observationsDiffer) {

  /** The tolerance of ρ and p (issue 10: correlations and p-values to 1e-9). */
  public static final double TOLERANCE = 1e-9;

  static final Agreement NONE = new Agreement(0, 0, 0, 0, 0, 0);

  public boolean holds() {
    return pairs > 0
        && maxRhoDifference <= TOLERANCE
        && maxPValueDifference <= TOLERANCE
        && definedOnOneSide == 0
        && observationsDiffer == 0;
  }

  /** This and {@code other} together: the counts summed, the largest differences kept. */
  public Agreement plus(Agreement other) {
    return new Agreement(
        pairs + other.pairs,
        Math.max(maxRhoDifference, other.maxRhoDifference),
        Math.max(maxPValueDifference, other.maxPValueDifference),
        undefined + other.undefined,
        definedOnOneSide + other.definedOnOneSide,
        observationsDiffer + other.observationsDiffer);
  }
}
