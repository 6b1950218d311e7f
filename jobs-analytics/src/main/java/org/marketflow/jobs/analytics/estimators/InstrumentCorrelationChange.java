package org.marketflow.jobs.analytics.estimators;

/**
 * Each instrument's change of average correlation between two consecutive matrices of one window
 * and method: Δᵢ = the mean over the other instruments j whose correlation with i is defined in
 * both matrices of (ρᵢⱼ − ρ′ᵢⱼ), ρ′ the previous matrix's. Taken over the pairs defined in both, it
 * compares like with like when an instrument joins or a pair's correlation becomes undefined.
 */
public final class InstrumentCorrelationChange {

  private InstrumentCorrelationChange() {}

  /**
   * @param changes row-major n × n, ρᵢⱼ − ρ′ᵢⱼ where both are defined, NaN elsewhere (the diagonal
   *     is ignored)
   * @return Δᵢ per instrument, NaN where no pair of i is defined in both matrices
   */
  public static double[] of(double[] changes, int n) {
    if (changes.length != n * n) {
      throw new IllegalArgumentException(
          "a " + n + " × " + n + " matrix has " + (n * n) + " entries, not " + changes.length);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int count = 0;
      for (int j = 0; j < n; j++) {
        double change = changes[i * n + j];
        if (j != i && Double.isFinite(change)) {
          sum += change;
          count++;
        }
      }
      out[i] = count == 0 ? Double.NaN : sum / count;
    }
    return out;
  }
}
