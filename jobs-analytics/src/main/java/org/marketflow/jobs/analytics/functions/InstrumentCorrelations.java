package org.marketflow.jobs.analytics.functions;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.estimators.InstrumentCorrelationChange;
import org.marketflow.jobs.analytics.estimators.Regimes;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.schemas.avro.CorrelationMatrix;

/**
 * Each instrument's correlation regime from the matrices of one window and method (the others are
 * left out): {@link Regimes#correlationChange} of the instrument's change of average correlation
 * against the previous matrix ({@link InstrumentCorrelationChange}, from the matrix's {@code
 * changes}). A reading of the step ending at B holds for the regime records ending in [B, B +
 * sampling): the step that holds their bar. Stateless.
 */
public class InstrumentCorrelations implements FlatMapFunction<CorrelationMatrix, RegimeReading> {

  private final String window;
  private final String method;
  private final long samplingMs;

  public InstrumentCorrelations(CorrelationWindow window, CorrelationMethod method) {
    this.window = window.label();
    this.method = method.label();
    this.samplingMs = window.samplingMs();
  }

  @Override
  public void flatMap(CorrelationMatrix matrix, Collector<RegimeReading> out) {
    if (!window.equals(matrix.getWindow()) || !method.equals(matrix.getMethod())) {
      return;
    }
    List<String> assets = matrix.getAssets();
    int n = assets.size();
    List<Double> changes = matrix.getChanges();
    double[] values = new double[changes.size()];
    for (int k = 0; k < values.length; k++) {
      Double change = changes.get(k);
      values[k] = change == null ? Double.NaN : change;
    }
    double[] perInstrument = InstrumentCorrelationChange.of(values, n);
    long boundaryMs = Math.floorDiv(matrix.getTimestampUs(), 1_000L);
    for (int i = 0; i < n; i++) {
      double change = perInstrument[i];
      Regimes.Correlation regime = Regimes.correlationChange(Double.isNaN(change) ? null : change);
      out.collect(
          new RegimeReading(
              assets.get(i),
              RegimeReading.Kind.CORRELATION,
              boundaryMs,
              boundaryMs + samplingMs,
              regime == null ? null : regime.name()));
    }
  }
}
