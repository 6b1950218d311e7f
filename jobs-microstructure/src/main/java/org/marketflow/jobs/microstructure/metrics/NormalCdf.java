package org.marketflow.jobs.microstructure.metrics;

/** The standard normal distribution function Φ, without a library. */
final class NormalCdf {

  private NormalCdf() {}

  /**
   * Φ(z), to within 7.5 × 10⁻⁸: Abramowitz and Stegun 26.2.17 (Zelen and Severo), by symmetry for
   * negative z.
   */
  static double phi(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    double x = Math.abs(z);
    if (x > 40.0) {
      return z > 0 ? 1.0 : 0.0;
    }
    double t = 1.0 / (1.0 + 0.2316419 * x);
    double poly =
        t
            * (0.319381530
                + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double upper = Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI) * poly;
    return z >= 0 ? 1.0 - upper : upper;
  }
}
