package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.action;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.before;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.median;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.robustZ;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.testing.data.MicrostructureRecords;

class LiquidityProcessorTest {

  private static final String BTC = "BINANCE:BTCUSDT";
  private static final long START_MS = 1_723_161_240_000L; // a minute boundary
  private static final long MINUTE_MS = 60_000L;
  private static final int MINUTES = 400;
  private static final int TRAILING = 120; // the regime's median: the previous 120 values
  private static final int ANOMALY_TRAILING = 60;
  private static final Duration STALENESS = Duration.ofMinutes(5);

  /** About 1 M USD with noise; a hole, a stressed stretch and a crisis minute. */
  private static double[] totals() {
    Random random = new Random(11);
    double[] totals = new double[MINUTES];
    for (int m = 0; m < MINUTES; m++) {
      totals[m] = 1_000_000 * (1 + 0.1 * random.nextGaussian());
    }
    totals[150] = 100_000; // a hole, and a crisis
    for (int m = 300; m < 310; m++) {
      totals[m] = 350_000; // stressed: under half the median, over a fifth
    }
    totals[350] = 150_000; // a crisis
    // On either side of the thresholds, a billionth from them, against the previous 120 values.
    double[] fractions = {0.5, 0.5 - 1e-9, 0.2 + 1e-9, 0.2 - 1e-9, 0.5 + 1e-9, 0.5 - 1e-9};
    for (int k = 0; k < fractions.length; k++) {
      int m = 200 + 10 * k;
      totals[m] = fractions[k] * median(before(totals, m, TRAILING));
    }
    return totals;
  }

  @Test
  void judgesEachMinuteAgainstItsTrailingMedianAndFindsTheHolesByRobustZ() throws Exception {
    double[] totals = totals();
    List<RegimeReading> readings = new ArrayList<>();
    List<MarketAnomaly> holes = new ArrayList<>();
    try (KeyedOneInputStreamOperatorTestHarness<String, LiquidityMetrics, RegimeReading> harness =
        harness()) {
      harness.open();
      for (int m = 0; m < MINUTES; m++) {
        long startMs = START_MS + m * MINUTE_MS;
        harness.processElement(MicrostructureRecords.liquidity(BTC, startMs, totals[m]), startMs);
      }
      // A value of an earlier minute and one without a total: left out.
      harness.processElement(MicrostructureRecords.liquidity(BTC, START_MS, 1.0), START_MS);
      harness.processElement(
          MicrostructureRecords.liquidity(BTC, START_MS + MINUTES * MINUTE_MS, null), START_MS);
      readings.addAll(harness.extractOutputValues());
      harness.getSideOutput(InstrumentAnalyticsProcessor.ANOMALIES).stream()
          .map(StreamRecord::getValue)
          .forEach(holes::add);
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    assertThat(readings).hasSize(MINUTES);
    List<Integer> expectedHoles = new ArrayList<>();
    for (int m = 0; m < MINUTES; m++) {
      RegimeReading reading = readings.get(m);
      long endMs = START_MS + (m + 1) * MINUTE_MS;
      assertThat(reading.instrument).isEqualTo(BTC);
      assertThat(reading.kind).isEqualTo(RegimeReading.Kind.LIQUIDITY);
      assertThat(reading.fromMs).isEqualTo(endMs);
      assertThat(reading.untilMs).isEqualTo(endMs + STALENESS.toMillis() + 1);
      String expected = null;
      if (m >= LiquidityAnalytics.MIN_TRAILING) {
        double ratio = totals[m] / median(before(totals, m, TRAILING));
        expected = ratio >= 0.5 ? "NORMAL" : ratio >= 0.2 ? "STRESSED" : "CRISIS";
      }
      assertThat(reading.regime).as("minute %d", m).isEqualTo(expected);
      if (m >= Anomalies.MIN_TRAILING
          && robustZ(totals[m], before(totals, m, ANOMALY_TRAILING)) <= -3.5) {
        expectedHoles.add(m);
      }
    }
    assertThat(readings.get(150).regime).isEqualTo("CRISIS");
    assertThat(readings.get(305).regime).isEqualTo("STRESSED");
    assertThat(readings.get(350).regime).isEqualTo("CRISIS");
    for (int m = 200; m < 260; m += 10) {
      assertThat(readings.get(m).regime)
          .isEqualTo(
              new String[] {"NORMAL", "STRESSED", "STRESSED", "CRISIS", "NORMAL", "STRESSED"}
                  [(m - 200) / 10]);
    }

    assertThat(expectedHoles).contains(150, 300, 350);
    assertThat(holes).hasSize(expectedHoles.size());
    for (int k = 0; k < holes.size(); k++) {
      int m = expectedHoles.get(k);
      double[] trailing = before(totals, m, ANOMALY_TRAILING);
      double z = robustZ(totals[m], trailing);
      MarketAnomaly hole = holes.get(k);
      assertThat(hole.getAnomalyType()).isEqualTo("LIQUIDITY_HOLE");
      assertThat(hole.getTimestampUs()).isEqualTo((START_MS + (m + 1) * MINUTE_MS) * 1_000L);
      assertThat(hole.getValue()).isEqualTo(totals[m]);
      assertThat(hole.getMedian()).isCloseTo(median(trailing), within(1e-6));
      assertThat(hole.getZScore()).isCloseTo(z, within(1e-9));
      assertThat(hole.getSeverity()).isCloseTo(Math.min(1, -z / 10), within(1e-12));
      assertThat(hole.getRecommendedAction()).isEqualTo(action(z));
      assertThat(hole.getDescription())
          .startsWith(BTC + " total liquidity (USD) ")
          .contains("over 60 minutes: robust z ");
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, LiquidityMetrics, RegimeReading>
      harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(
            new LiquidityProcessor(new LiquidityAnalytics(TRAILING, ANOMALY_TRAILING, STALENESS))),
        LiquidityMetrics::getInstrument,
        Types.STRING);
  }
}
