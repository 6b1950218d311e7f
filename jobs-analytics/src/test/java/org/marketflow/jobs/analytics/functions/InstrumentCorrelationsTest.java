package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.estimators.CorrelationMethod;
import org.marketflow.jobs.analytics.estimators.InstrumentCorrelationChange;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.schemas.avro.CorrelationMatrix;

class InstrumentCorrelationsTest {

  private static final long STEP_MS = 1_723_161_600_000L; // a 15-minute boundary
  private static final int N = 12;

  /** A symmetric matrix of correlations, unit diagonal, about a tenth of the pairs undefined. */
  private static Double[][] matrix(Random random) {
    Double[][] rho = new Double[N][N];
    for (int i = 0; i < N; i++) {
      rho[i][i] = 1.0;
      for (int j = i + 1; j < N; j++) {
        Double r = random.nextInt(10) == 0 ? null : 2 * random.nextDouble() - 1;
        rho[i][j] = r;
        rho[j][i] = r;
      }
    }
    return rho;
  }

  @Test
  void eachInstrumentsChangeIsTheMeanChangeOfItsPairsDefinedInBothMatrices() {
    Random random = new Random(17);
    for (int round = 0; round < 50; round++) {
      Double[][] now = matrix(random);
      Double[][] before = matrix(random);
      double[] changes = new double[N * N];
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          changes[i * N + j] =
              now[i][j] == null || before[i][j] == null ? Double.NaN : now[i][j] - before[i][j];
        }
      }
      double[] perInstrument = InstrumentCorrelationChange.of(changes, N);
      for (int i = 0; i < N; i++) {
        // The test's own loop: the average over the common pairs, now and before.
        double sumNow = 0;
        double sumBefore = 0;
        int common = 0;
        for (int j = 0; j < N; j++) {
          if (j != i && now[i][j] != null && before[i][j] != null) {
            sumNow += now[i][j];
            sumBefore += before[i][j];
            common++;
          }
        }
        if (common == 0) {
          assertThat(perInstrument[i]).isNaN();
        } else {
          assertThat(perInstrument[i])
              .isCloseTo(sumNow / common - sumBefore / common, within(1e-12));
        }
      }
    }
  }

  @Test
  void readsTheChosenWindowAndMethodIntoAReadingOfTheStepPerInstrument() throws Exception {
    // A, B, C: A and B rose together by 0.5 (A's average change +0.25 with C unchanged), C fell
    // apart from B by 0.3, and A–C is undefined before.
    List<String> assets = List.of("A", "B", "C");
    List<Double> changes = new ArrayList<>();
    changes.addAll(java.util.Arrays.asList(null, 0.5, null));
    changes.addAll(List.of(0.5, 0.0, -0.3));
    changes.addAll(java.util.Arrays.asList(null, -0.3, null));
    List<RegimeReading> readings = new ArrayList<>();
    try (OneInputStreamOperatorTestHarness<CorrelationMatrix, RegimeReading> harness =
        new OneInputStreamOperatorTestHarness<>(
            new StreamFlatMap<>(
                new InstrumentCorrelations(CorrelationWindow.H24, CorrelationMethod.SPEARMAN)))) {
      harness.open();
      harness.processElement(matrix("24H", "spearman", assets, changes), STEP_MS - 1);
      harness.processElement(matrix("24H", "pearson", assets, changes), STEP_MS - 1);
      harness.processElement(matrix("1H", "spearman", assets, changes), STEP_MS - 1);
      readings.addAll(harness.extractOutputValues());
    }
    assertThat(readings).hasSize(3);
    assertThat(readings)
        .extracting(r -> r.instrument, r -> r.regime)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("A", "CRISIS"), // +0.5 over its one pair
            org.assertj.core.api.Assertions.tuple("B", "NORMAL"), // (+0.5 − 0.3) / 2 = +0.1
            org.assertj.core.api.Assertions.tuple("C", "BREAKDOWN")); // −0.3
    assertThat(readings)
        .allSatisfy(
            r -> {
              assertThat(r.kind).isEqualTo(RegimeReading.Kind.CORRELATION);
              assertThat(r.fromMs).isEqualTo(STEP_MS);
              assertThat(r.untilMs).isEqualTo(STEP_MS + 15 * 60_000L);
            });
  }

  private static CorrelationMatrix matrix(
      String window, String method, List<String> assets, List<Double> changes) {
    List<Double> ones = new ArrayList<>();
    List<Integer> observations = new ArrayList<>();
    for (int k = 0; k < changes.size(); k++) {
      ones.add(k % (assets.size() + 1) == 0 ? 1.0 : 0.0);
      observations.add(96);
    }
    return CorrelationMatrix.newBuilder()
        .setWindow(window)
        .setMethod(method)
        .setTimestampUs(STEP_MS * 1_000L)
        .setSamplingSeconds(900)
        .setAssets(assets)
        .setCorrelations(ones)
        .setPValues(new ArrayList<>(java.util.Collections.nCopies(changes.size(), (Double) null)))
        .setObservations(observations)
        .setChanges(changes)
        .setClusters(List.of())
        .build();
  }
}
