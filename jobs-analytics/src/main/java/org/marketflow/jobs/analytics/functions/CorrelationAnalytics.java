package org.marketflow.jobs.analytics.functions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.lang3.ArrayUtils;
import org.marketflow.jobs.analytics.estimators.CorrelationClusters;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.estimators.Correlations;
import org.marketflow.jobs.analytics.estimators.PairCorrelation;
import org.marketflow.jobs.analytics.estimators.Regimes;
import org.marketflow.jobs.analytics.estimators.RunningPearson;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.WindowClose;
import org.marketflow.jobs.analytics.state.CorrelationState;
import org.marketflow.schemas.avro.CorrelationMatrix;

/**
 * One correlation window's step at a sampling boundary B: the closes of the bars of [B − sampling,
 * B) become one return row (ln of the step's last close over the previous step's, NaN where either
 * step had no bar), the row joins the window, and the three methods' matrices are computed
 * (docs/jobs/analytics.md). Plain Java on a {@link CorrelationState}; Pearson is kept incrementally
 * ({@link RunningPearson}) in a cache that is rebuilt from the state's rows after a restart or when
 * the instruments change.
 */
public final class CorrelationAnalytics implements Serializable {

  private final CorrelationWindow window;
  private final int minSteps;
  private final int maxInstruments;

  /** Within one step: the instruments or the rows changed, so the Pearson sums are rebuilt. */
  private transient boolean rebuildPearson;

  private transient RunningPearson pearson;

  /** A step's matrices, and the instruments it left out (beyond the maximum). */
  public record Step(List<CorrelationMatrix> matrices, int refusedInstruments) {}

  public CorrelationAnalytics(CorrelationWindow window, int minSteps, int maxInstruments) {
    this.window = window;
    this.minSteps = minSteps;
    this.maxInstruments = maxInstruments;
  }

  public CorrelationWindow window() {
    return window;
  }

  /**
   * The step ending at {@code boundaryMs} with {@code closes} (the bars of the step; any order) on
   * {@code state}; matrices once the window holds two instruments.
   */
  public Step step(CorrelationState state, long boundaryMs, List<WindowClose> closes) {
    rebuildPearson = false;
    long sampling = window.samplingMs();
    // Steps with no bar of any instrument: rows of missing returns, and no close to return from.
    if (state.lastBoundaryMs != Long.MIN_VALUE) {
      long skipped = Math.min((boundaryMs - state.lastBoundaryMs) / sampling - 1, window.steps());
      for (long k = 0; k < skipped; k++) {
        appendRow(state, nanRow(state.assets.length));
      }
      if (skipped > 0) {
        Arrays.fill(state.lastCloses, Double.NaN);
        rebuildPearson = true; // more than one new row
      }
    }
    // The last close (by bar start) of each instrument in the step.
    Map<String, WindowClose> last = new TreeMap<>();
    for (WindowClose c : closes) {
      WindowClose seen = last.get(c.instrument);
      if (seen == null || c.barStartMs > seen.barStartMs) {
        last.put(c.instrument, c);
      }
    }
    int refused = 0;
    for (String instrument : last.keySet()) {
      if (Arrays.binarySearch(state.assets, instrument) < 0) {
        if (state.assets.length >= maxInstruments) {
          refused++;
        } else {
          addAsset(state, instrument);
        }
      }
    }
    double[] row = nanRow(state.assets.length);
    for (int i = 0; i < state.assets.length; i++) {
      WindowClose c = last.get(state.assets[i]);
      if (c == null || !(c.close > 0) || !Double.isFinite(c.close)) {
        state.lastCloses[i] = Double.NaN;
        continue;
      }
      row[i] = Math.log(c.close / state.lastCloses[i]); // NaN when the previous step had no bar
      state.lastCloses[i] = c.close;
      state.lastSeenMs[i] = boundaryMs;
    }
    double[] dropped = appendRow(state, row);
    evictIdle(state, boundaryMs);
    state.lastBoundaryMs = boundaryMs;
    advancePearson(state, row, dropped);
    if (state.assets.length < 2) {
      return new Step(List.of(), refused);
    }
    List<CorrelationMatrix> matrices = new ArrayList<>();
    for (CorrelationMethod method : CorrelationMethod.values()) {
      matrices.add(matrix(state, boundaryMs, method));
    }
    return new Step(matrices, refused);
  }

  private CorrelationMatrix matrix(
      CorrelationState state, long boundaryMs, CorrelationMethod method) {
    int n = state.assets.length;
    PairCorrelation[][] pairs = new PairCorrelation[n][n];
    if (method == CorrelationMethod.PEARSON) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          pairs[i][j] = pearson.correlation(i, j, minSteps);
        }
      }
    } else if (method == CorrelationMethod.SPEARMAN) {
      double[][] columns = columns(state);
      double[][] ranks = Correlations.ranksOfComplete(columns);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          pairs[i][j] = Correlations.spearman(columns[i], columns[j], ranks[i], ranks[j], minSteps);
        }
      }
    } else {
      double[][] columns = columns(state);
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          pairs[i][j] = Correlations.of(method, columns[i], columns[j], minSteps);
        }
      }
    }
    List<Double> rho = new ArrayList<>(n * n);
    List<Double> p = new ArrayList<>(n * n);
    List<Integer> observations = new ArrayList<>(n * n);
    List<Double> changes = new ArrayList<>(n * n);
    Double[][] matrix = new Double[n][n];
    double sum = 0;
    int defined = 0;
    int m = method.ordinal();
    ensureMethods(state);
    String[] previousAssets = state.previousAssets[m];
    double[] previous = state.previousCorrelations[m];
    double[] current = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        PairCorrelation pair = i == j ? null : pairs[Math.min(i, j)][Math.max(i, j)];
        Double r = i == j ? Double.valueOf(1.0) : pair.rho();
        Double pv = i == j ? null : pair.pValue();
        matrix[i][j] = r;
        rho.add(r);
        p.add(pv);
        observations.add(i == j ? columnCount(state, i) : pair.observations());
        current[i * n + j] = r == null ? Double.NaN : r;
        Double before = previousValue(previousAssets, previous, state.assets[i], state.assets[j]);
        changes.add(r == null || before == null ? null : r - before);
        if (i < j && r != null) {
          sum += r;
          defined++;
        }
      }
    }
    Double average = defined == 0 ? null : sum / defined;
    double before = state.previousAverages[m];
    Double averageBefore = Double.isNaN(before) ? null : before;
    Double averageChange =
        average == null || averageBefore == null ? null : average - averageBefore;
    Regimes.Correlation regime = Regimes.correlation(average, averageBefore);
    List<List<String>> clusters = new ArrayList<>();
    for (List<Integer> cluster :
        CorrelationClusters.averageLinkage(matrix, CorrelationClusters.DEFAULT_CUT)) {
      clusters.add(cluster.stream().map(i -> state.assets[i]).toList());
    }
    state.previousAssets[m] = state.assets.clone();
    state.previousCorrelations[m] = current;
    state.previousAverages[m] = average == null ? Double.NaN : average;
    return CorrelationMatrix.newBuilder()
        .setWindow(window.label())
        .setMethod(method.label())
        .setTimestampUs(boundaryMs * 1_000L)
        .setSamplingSeconds(window.samplingMs() / 1_000L)
        .setAssets(List.of(state.assets))
        .setCorrelations(rho)
        .setPValues(p)
        .setObservations(observations)
        .setChanges(changes)
        .setAverageCorrelation(average)
        .setAverageChange(averageChange)
        .setCorrelationRegime(regime == null ? null : regime.name())
        .setClusters(clusters)
        .build();
  }

  /**
   * Continues the Pearson sums by the step's row (dropping {@code dropped}, the row that left the
   * window), or rebuilds them from the window's rows when the instruments or rows changed.
   */
  private void advancePearson(CorrelationState state, double[] row, double[] dropped) {
    int n = state.assets.length;
    if (!rebuildPearson && state.pearsonSums.length == 6 * n * n) {
      double[][] before = new double[state.rows.length - 1 + (dropped == null ? 0 : 1)][];
      int k = 0;
      if (dropped != null) {
        before[k++] = dropped;
      }
      for (int r = 0; r < state.rows.length - 1; r++) {
        before[k++] = state.rows[r];
      }
      pearson =
          RunningPearson.restore(n, window.steps(), before, state.pearsonSums, state.pearsonDrops);
      pearson.add(row);
    } else {
      pearson = new RunningPearson(n, window.steps());
      for (double[] r : state.rows) {
        pearson.add(r);
      }
    }
    state.pearsonSums = pearson.pack();
    state.pearsonDrops = pearson.drops();
  }

  private void addAsset(CorrelationState state, String instrument) {
    int at = -Arrays.binarySearch(state.assets, instrument) - 1;
    state.assets = ArrayUtils.insert(at, state.assets, instrument);
    state.lastCloses = ArrayUtils.insert(at, state.lastCloses, Double.NaN);
    state.lastSeenMs = ArrayUtils.insert(at, state.lastSeenMs, 0L);
    for (int r = 0; r < state.rows.length; r++) {
      state.rows[r] = ArrayUtils.insert(at, state.rows[r], Double.NaN);
    }
    rebuildPearson = true;
  }

  /** Drops the instruments without a bar for a whole window. */
  private void evictIdle(CorrelationState state, long boundaryMs) {
    long oldest = boundaryMs - (long) window.steps() * window.samplingMs();
    for (int i = state.assets.length - 1; i >= 0; i--) {
      if (state.lastSeenMs[i] <= oldest) {
        state.assets = ArrayUtils.remove(state.assets, i);
        state.lastCloses = ArrayUtils.remove(state.lastCloses, i);
        state.lastSeenMs = ArrayUtils.remove(state.lastSeenMs, i);
        for (int r = 0; r < state.rows.length; r++) {
          state.rows[r] = ArrayUtils.remove(state.rows[r], i);
        }
        rebuildPearson = true;
      }
    }
  }

  /** Appends a row; answers the row that left the window, or null. */
  private double[] appendRow(CorrelationState state, double[] row) {
    int keep = Math.min(state.rows.length, window.steps() - 1);
    double[] dropped = keep < state.rows.length ? state.rows[state.rows.length - keep - 1] : null;
    double[][] rows = new double[keep + 1][];
    System.arraycopy(state.rows, state.rows.length - keep, rows, 0, keep);
    rows[keep] = row;
    state.rows = rows;
    return dropped;
  }

  private static void ensureMethods(CorrelationState state) {
    int methods = CorrelationMethod.values().length;
    if (state.previousAssets.length != methods) {
      state.previousAssets = new String[methods][0];
      state.previousCorrelations = new double[methods][0];
      state.previousAverages = new double[methods];
      Arrays.fill(state.previousAverages, Double.NaN);
    }
  }

  private static Double previousValue(String[] assets, double[] values, String a, String b) {
    int i = Arrays.binarySearch(assets, a);
    int j = Arrays.binarySearch(assets, b);
    if (i < 0 || j < 0) {
      return null;
    }
    double v = values[i * assets.length + j];
    return Double.isNaN(v) ? null : v;
  }

  private static double[][] columns(CorrelationState state) {
    double[][] columns = new double[state.assets.length][state.rows.length];
    for (int t = 0; t < state.rows.length; t++) {
      for (int i = 0; i < state.assets.length; i++) {
        columns[i][t] = state.rows[t][i];
      }
    }
    return columns;
  }

  private static int columnCount(CorrelationState state, int i) {
    int count = 0;
    for (double[] row : state.rows) {
      if (Double.isFinite(row[i])) {
        count++;
      }
    }
    return count;
  }

  private static double[] nanRow(int n) {
    double[] row = new double[n];
    Arrays.fill(row, Double.NaN);
    return row;
  }
}
