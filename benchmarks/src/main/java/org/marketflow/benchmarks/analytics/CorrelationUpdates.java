package org.marketflow.benchmarks.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.marketflow.benchmarks.kafka.SyntheticMarket;
import org.marketflow.benchmarks.kafka.TradeBuckets;
import org.marketflow.ingest.simulator.SimulatedInstrument;
import org.marketflow.jobs.analytics.AnalyticsJob;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.estimators.Correlations;
import org.marketflow.jobs.analytics.estimators.RunningPearson;
import org.marketflow.jobs.analytics.functions.CorrelationAnalytics;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.WindowClose;
import org.marketflow.jobs.analytics.state.CorrelationState;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.CorrelationMatrix;

/**
 * The time one correlation window's update takes for N instruments, with the job's own code on a
 * full window, beside commons-math3's batch recomputation of the same matrices; and whether the two
 * agree.
 *
 * <p>The window's steps are the simulated market's ({@link SyntheticMarket#buckets}: the trades of
 * each sampling step, each instrument's close the last trade's price). The {@link CorrelationState}
 * is given the window's first {@code steps} returns as the job's step would have left them (so that
 * 30 days of history do not take 181 updates to load); then the job's {@link CorrelationAnalytics}
 * takes the following steps from each instrument's close, as its operator does when the watermark
 * passes a step's end: {@code warmUps} unmeasured (the first rebuilds the Pearson sums from the
 * window, the next continue them incrementally, and the JIT compiles), then {@code updates}
 * measured ones. Each measured update is followed by the job's correlation code of each method
 * alone, and by the batch recomputation of each method over the same window of returns (computed
 * here from the closes), timed one by one; its matrices are compared with the job's.
 */
public final class CorrelationUpdates {

  private CorrelationUpdates() {}

  /** Measures {@code updates} updates of {@code window} for {@code instruments} instruments. */
  public static WindowUpdate measure(
      CorrelationWindow window, int instruments, int warmUps, int updates) {
    AnalyticsJob.Settings settings = AnalyticsJob.Settings.defaults();
    int minSteps = settings.minCorrelationSteps();
    int steps = window.steps();
    List<String> ids =
        SyntheticMarket.instruments(instruments).stream().map(SimulatedInstrument::id).toList();
    Closes closes = Closes.of(window, ids, steps + 1 + warmUps + updates);
    double[][] returns = closes.returns();

    CorrelationState state = fullWindow(closes, steps);
    CorrelationAnalytics analytics =
        new CorrelationAnalytics(window, minSteps, settings.maxInstruments());
    RunningPearson pearson = null;

    List<Duration> stepTimes = new ArrayList<>();
    Map<CorrelationMethod, List<Duration>> jobTimes = new EnumMap<>(CorrelationMethod.class);
    Map<CorrelationMethod, List<Duration>> batchTimes = new EnumMap<>(CorrelationMethod.class);
    Map<CorrelationMethod, Agreement> agreement = new EnumMap<>(CorrelationMethod.class);
    for (CorrelationMethod method : CorrelationMethod.values()) {
      jobTimes.put(method, new ArrayList<>());
      batchTimes.put(method, new ArrayList<>());
      agreement.put(method, Agreement.NONE);
    }
    for (int t = steps + 1; t < closes.count(); t++) {
      boolean measured = t > steps + warmUps;
      // The returns of the window the step ends: rows t - steps + 1 .. t of the closes.
      double[][] windowReturns = new double[steps][];
      System.arraycopy(returns, t - steps + 1, windowReturns, 0, steps);

      List<WindowClose> stepCloses = closes.windowCloses(t);
      long start = System.nanoTime();
      List<CorrelationMatrix> matrices =
          analytics.step(state, closes.boundaryMs(t), stepCloses).matrices();
      Duration step = since(start);

      if (pearson == null) {
        pearson = new RunningPearson(instruments, steps);
        for (int r = 0; r < steps - 1; r++) {
          pearson.add(windowReturns[r]);
        }
      }
      start = System.nanoTime();
      pearsonPairs(pearson, windowReturns[steps - 1], minSteps);
      Duration jobPearson = since(start);
      Map<CorrelationMethod, Duration> job = new EnumMap<>(CorrelationMethod.class);
      job.put(CorrelationMethod.PEARSON, jobPearson);
      for (CorrelationMethod method :
          List.of(CorrelationMethod.SPEARMAN, CorrelationMethod.KENDALL)) {
        start = System.nanoTime();
        rankPairs(method, windowReturns, minSteps);
        job.put(method, since(start));
      }

      for (CorrelationMethod method : CorrelationMethod.values()) {
        start = System.nanoTime();
        BatchCorrelations.Matrices batch = BatchCorrelations.of(method, windowReturns);
        Duration batchTime = since(start);
        CorrelationMatrix matrix = matrices.get(method.ordinal());
        if (!matrix.getMethod().equals(method.label())) {
          throw new IllegalStateException(
              "the step's matrices are not in method order: " + matrix.getMethod());
        }
        if (measured) {
          batchTimes.get(method).add(batchTime);
          jobTimes.get(method).add(job.get(method));
          agreement.put(method, agreement.get(method).plus(compare(matrix, batch, ids, steps)));
        }
      }
      if (measured) {
        stepTimes.add(step);
      }
    }
    return new WindowUpdate(window, instruments, steps, stepTimes, jobTimes, batchTimes, agreement);
  }

  /**
   * The state the job's steps leave after the window's first {@code steps} returns: the instruments
   * in ascending order, each one's last close, the return rows; the Pearson sums and the previous
   * matrices empty, so the first step rebuilds the sums from the rows.
   */
  private static CorrelationState fullWindow(Closes closes, int steps) {
    CorrelationState state = new CorrelationState();
    int n = closes.ids().size();
    state.assets = closes.ids().toArray(String[]::new);
    for (int i = 1; i < n; i++) {
      if (state.assets[i - 1].compareTo(state.assets[i]) >= 0) {
        throw new IllegalStateException("the instruments are not in ascending order");
      }
    }
    state.lastCloses = closes.closes()[steps].clone();
    state.lastSeenMs = new long[n];
    Arrays.fill(state.lastSeenMs, closes.boundaryMs(steps));
    state.rows = new double[steps][];
    double[][] returns = closes.returns();
    for (int r = 0; r < steps; r++) {
      state.rows[r] = returns[r + 1].clone();
    }
    state.lastBoundaryMs = closes.boundaryMs(steps);
    return state;
  }

  /** The job's Pearson: the running sums continued by the step's row, then ρ and p of each pair. */
  private static void pearsonPairs(RunningPearson pearson, double[] row, int minSteps) {
    pearson.add(row);
    int n = pearson.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pearson.correlation(i, j, minSteps);
      }
    }
  }

  /**
   * The job's Spearman or Kendall, as its step computes them: Spearman from each series' ranks
   * ({@link Correlations#ranksOfComplete}, then {@link Correlations#spearman} on each pair),
   * Kendall by {@link Correlations#of} on each pair's columns.
   */
  private static void rankPairs(CorrelationMethod method, double[][] window, int minSteps) {
    int n = window[0].length;
    double[][] columns = new double[n][window.length];
    for (int t = 0; t < window.length; t++) {
      for (int i = 0; i < n; i++) {
        columns[i][t] = window[t][i];
      }
    }
    double[][] ranks =
        method == CorrelationMethod.SPEARMAN ? Correlations.ranksOfComplete(columns) : null;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (ranks != null) {
          Correlations.spearman(columns[i], columns[j], ranks[i], ranks[j], minSteps);
        } else {
          Correlations.of(method, columns[i], columns[j], minSteps);
        }
      }
    }
  }

  private static Agreement compare(
      CorrelationMatrix matrix, BatchCorrelations.Matrices batch, List<String> ids, int steps) {
    if (!matrix.getAssets().equals(ids)) {
      throw new IllegalStateException("the matrix's instruments are not the window's");
    }
    int n = ids.size();
    RealMatrix rho = batch.rho();
    RealMatrix p = batch.pValues();
    long pairs = 0;
    long undefined = 0;
    long oneSide = 0;
    long observations = 0;
    double maxRho = 0;
    double maxP = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs++;
        int k = i * n + j;
        Double jobRho = matrix.getCorrelations().get(k);
        Double jobP = matrix.getPValues().get(k);
        double batchRho = rho.getEntry(i, j);
        if (matrix.getObservations().get(k) != steps) {
          observations++;
        }
        if (jobRho == null || Double.isNaN(batchRho)) {
          if (jobRho == null && Double.isNaN(batchRho)) {
            undefined++;
          } else {
            oneSide++;
          }
          continue;
        }
        maxRho = Math.max(maxRho, Math.abs(jobRho - batchRho));
        maxP = Math.max(maxP, Math.abs(jobP - p.getEntry(i, j)));
      }
    }
    return new Agreement(pairs, maxRho, maxP, undefined, oneSide, observations);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * Each instrument's close at the end of each sampling step of the simulated market, and the
   * returns between consecutive steps.
   *
   * @param closes [step][instrument]
   * @param closeBarStartMs [step][instrument]: the start of the minute of the close's trade, the
   *     bar it would be the close of
   */
  private record Closes(
      CorrelationWindow window,
      List<String> ids,
      long[] startMs,
      double[][] closes,
      long[][] closeBarStartMs) {

    private static final long MINUTE_MS = 60_000L;

    static Closes of(CorrelationWindow window, List<String> ids, int count) {
      TradeBuckets buckets = SyntheticMarket.buckets(ids.size(), window.samplingMs());
      long[] startMs = new long[count];
      double[][] closes = new double[count][ids.size()];
      long[][] barStartMs = new long[count][ids.size()];
      for (int t = 0; t < count; t++) {
        TradeBuckets.Bucket bucket = buckets.next();
        startMs[t] = bucket.startMs();
        for (int i = 0; i < ids.size(); i++) {
          OhlcAccumulator values = bucket.values()[i];
          if (values == null) {
            throw new IllegalStateException(
                ids.get(i)
                    + " did not trade in step "
                    + t
                    + " of "
                    + window.label()
                    + "; the benchmark needs complete returns");
          }
          closes[t][i] = values.close;
          long closeMs = Math.floorDiv(values.closeTimeUs, 1_000L);
          barStartMs[t][i] = Math.floorDiv(closeMs, MINUTE_MS) * MINUTE_MS;
        }
      }
      return new Closes(window, ids, startMs, closes, barStartMs);
    }

    int count() {
      return startMs.length;
    }

    /** The end of step {@code t}, where the job takes it. */
    long boundaryMs(int t) {
      return startMs[t] + window.samplingMs();
    }

    /** [step][instrument]: ln(close / previous close); row 0 is all NaN (no previous close). */
    double[][] returns() {
      double[][] returns = new double[count()][ids.size()];
      Arrays.fill(returns[0], Double.NaN);
      for (int t = 1; t < count(); t++) {
        for (int i = 0; i < ids.size(); i++) {
          returns[t][i] = Math.log(closes[t][i] / closes[t - 1][i]);
        }
      }
      return returns;
    }

    /** Step {@code t}'s closes as the job's operator hands them to the step. */
    List<WindowClose> windowCloses(int t) {
      List<WindowClose> out = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        out.add(new WindowClose(window.label(), ids.get(i), closeBarStartMs[t][i], closes[t][i]));
      }
      return out;
    }
  }
}
