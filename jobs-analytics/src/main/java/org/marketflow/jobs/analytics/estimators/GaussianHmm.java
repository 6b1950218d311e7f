package org.marketflow.jobs.analytics.estimators;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * A two-state hidden Markov model of returns with Gaussian emissions: state 0 is CALM (the smaller
 * variance), state 1 TURBULENT. Estimated by Baum–Welch (EM with scaled forward–backward passes) on
 * a trailing window of returns, and filtered online between fits: after each return, P(state | the
 * returns so far) by the forward recursion. The regime probability a record carries is the filtered
 * probability of the more likely state.
 *
 * <p>Written here because commons-math3 has no hidden Markov model and the well-kept Java HMM
 * libraries are not on the build's repositories; the two-state case is short. EM starts from both
 * states at the sample mean, variances ½ s² and 2 s², staying probability 0.95, and runs until the
 * log-likelihood gains less than 1e-8 per return or 200 iterations. Variances are floored at 1e-6
 * s² so a state cannot collapse onto one point.
 */
public final class GaussianHmm {

  public static final int STATES = 2;
  public static final String[] STATE_NAMES = {"CALM", "TURBULENT"};

  private static final int MAX_ITERATIONS = 200;
  private static final double TOLERANCE_PER_RETURN = 1e-8;
  private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  /** Parameters of a fit: initial distribution, transitions [from][to], means, variances. */
  public record Parameters(
      double[] initial,
      double[][] transitions,
      double[] means,
      double[] variances,
      double logLikelihood) {}

  private GaussianHmm() {}

  /**
   * Fits {@code returns}; null when there are fewer than 10 (or {@code minObservations}) or they
   * are constant.
   */
  public static Parameters fit(double[] returns, int minObservations) {
    if (returns.length < Math.max(10, minObservations)) {
      return null;
    }
    double mean = new Mean().evaluate(returns);
    double variance = new Variance(false).evaluate(returns);
    if (!(variance > 0) || !Double.isFinite(variance)) {
      return null;
    }
    double floor = 1e-6 * variance;
    double[] pi = {0.5, 0.5};
    double[][] a = {{0.95, 0.05}, {0.05, 0.95}};
    double[] mu = {mean, mean};
    double[] var = {0.5 * variance, 2 * variance};
    int n = returns.length;
    double[][] alpha = new double[n][STATES];
    double[][] beta = new double[n][STATES];
    double[][] emission = new double[n][STATES];
    double[] scale = new double[n];
    double previous = Double.NEGATIVE_INFINITY;
    double logLikelihood = previous;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      // Emissions relative to the larger of the two at each step (in logs), so that an outlier
      // far in both tails cannot underflow both to 0; the offsets return in the likelihood.
      double offsets = 0;
      for (int t = 0; t < n; t++) {
        double[] logDensities = new double[STATES];
        for (int k = 0; k < STATES; k++) {
          logDensities[k] = logDensity(returns[t], mu[k], var[k]);
        }
        double top = Math.max(logDensities[0], logDensities[1]);
        offsets += top;
        for (int k = 0; k < STATES; k++) {
          emission[t][k] = Math.exp(logDensities[k] - top);
        }
      }
      logLikelihood = forward(pi, a, emission, alpha, scale) + offsets;
      backward(a, emission, beta, scale);
      // Re-estimation from the posteriors γ and the expected transitions ξ.
      double[] gammaSum = new double[STATES];
      double[] gammaSumButLast = new double[STATES];
      double[] weighted = new double[STATES];
      double[][] xi = new double[STATES][STATES];
      double[][] gamma = new double[n][STATES];
      for (int t = 0; t < n; t++) {
        double norm = 0;
        for (int k = 0; k < STATES; k++) {
          gamma[t][k] = alpha[t][k] * beta[t][k];
          norm += gamma[t][k];
        }
        for (int k = 0; k < STATES; k++) {
          gamma[t][k] /= norm;
          gammaSum[k] += gamma[t][k];
          weighted[k] += gamma[t][k] * returns[t];
          if (t < n - 1) {
            gammaSumButLast[k] += gamma[t][k];
          }
        }
        if (t < n - 1) {
          for (int i = 0; i < STATES; i++) {
            for (int j = 0; j < STATES; j++) {
              xi[i][j] +=
                  alpha[t][i] * a[i][j] * emission[t + 1][j] * beta[t + 1][j] / scale[t + 1];
            }
          }
        }
      }
      for (int k = 0; k < STATES; k++) {
        pi[k] = gamma[0][k];
        mu[k] = weighted[k] / gammaSum[k];
        double squares = 0;
        for (int t = 0; t < n; t++) {
          double d = returns[t] - mu[k];
          squares += gamma[t][k] * d * d;
        }
        var[k] = Math.max(floor, squares / gammaSum[k]);
        double rowSum = xi[k][0] + xi[k][1];
        for (int j = 0; j < STATES; j++) {
          a[k][j] = rowSum > 0 ? xi[k][j] / rowSum : 1.0 / STATES;
        }
      }
      if (logLikelihood - previous < TOLERANCE_PER_RETURN * n) {
        break;
      }
      previous = logLikelihood;
    }
    if (var[0] > var[1]) {
      swapStates(pi, a, mu, var);
    }
    return new Parameters(pi, a, mu, var, logLikelihood);
  }

  /** The online filter of a fit: P(state | returns so far), starting from the fit's initial law. */
  public static final class Filter {
    private final Parameters parameters;
    private final double[] probabilities;

    public Filter(Parameters parameters) {
      this(parameters, parameters.initial().clone());
    }

    /** A filter that continues from {@code probabilities} (kept in state between refits). */
    public Filter(Parameters parameters, double[] probabilities) {
      this.parameters = parameters;
      this.probabilities = probabilities.clone();
    }

    /** Takes the next return; a non-finite one is ignored. */
    public void update(double r) {
      if (!Double.isFinite(r)) {
        return;
      }
      double[] logDensities = new double[STATES];
      for (int j = 0; j < STATES; j++) {
        logDensities[j] = logDensity(r, parameters.means()[j], parameters.variances()[j]);
      }
      double top = Math.max(logDensities[0], logDensities[1]);
      double[] next = new double[STATES];
      double norm = 0;
      for (int j = 0; j < STATES; j++) {
        double predicted = 0;
        for (int i = 0; i < STATES; i++) {
          predicted += probabilities[i] * parameters.transitions()[i][j];
        }
        next[j] = predicted * Math.exp(logDensities[j] - top);
        norm += next[j];
      }
      for (int j = 0; j < STATES; j++) {
        probabilities[j] = next[j] / norm;
      }
    }

    public double[] probabilities() {
      return probabilities.clone();
    }

    /** The index of the more likely state (CALM on a tie). */
    public int mostLikelyState() {
      return probabilities[1] > probabilities[0] ? 1 : 0;
    }

    public double mostLikelyProbability() {
      return probabilities[mostLikelyState()];
    }
  }

  private static double forward(
      double[] pi, double[][] a, double[][] emission, double[][] alpha, double[] scale) {
    double logLikelihood = 0;
    for (int t = 0; t < alpha.length; t++) {
      double sum = 0;
      for (int j = 0; j < STATES; j++) {
        double prior;
        if (t == 0) {
          prior = pi[j];
        } else {
          prior = 0;
          for (int i = 0; i < STATES; i++) {
            prior += alpha[t - 1][i] * a[i][j];
          }
        }
        alpha[t][j] = prior * emission[t][j];
        sum += alpha[t][j];
      }
      scale[t] = sum;
      for (int j = 0; j < STATES; j++) {
        alpha[t][j] /= sum;
      }
      logLikelihood += Math.log(sum);
    }
    return logLikelihood;
  }

  private static void backward(double[][] a, double[][] emission, double[][] beta, double[] scale) {
    int n = beta.length;
    for (int k = 0; k < STATES; k++) {
      beta[n - 1][k] = 1;
    }
    for (int t = n - 2; t >= 0; t--) {
      for (int i = 0; i < STATES; i++) {
        double sum = 0;
        for (int j = 0; j < STATES; j++) {
          sum += a[i][j] * emission[t + 1][j] * beta[t + 1][j];
        }
        beta[t][i] = sum / scale[t + 1];
      }
    }
  }

  static double logDensity(double x, double mean, double variance) {
    double d = x - mean;
    return -0.5 * d * d / variance - 0.5 * Math.log(variance) - LN_SQRT_2PI;
  }

  private static void swapStates(double[] pi, double[][] a, double[] mu, double[] var) {
    swap(pi);
    swap(mu);
    swap(var);
    double[][] swapped = {{a[1][1], a[1][0]}, {a[0][1], a[0][0]}};
    a[0] = swapped[0];
    a[1] = swapped[1];
  }

  private static void swap(double[] values) {
    double first = values[0];
    values[0] = values[1];
    values[1] = first;
  }
}
