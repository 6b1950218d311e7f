package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.action;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.before;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.median;
import static org.marketflow.jobs.analytics.estimators.TrailingStatistics.robustZ;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.testing.data.MicrostructureRecords;

class SpreadProcessorTest {

  private static final String ETH = "BINANCE:ETHUSDT";
  private static final long START_MS = 1_723_161_240_000L; // a minute boundary
  private static final long MINUTE_MS = 60_000L;
  private static final int MINUTES = 150;
  private static final int ANOMALY_TRAILING = 60;

  /** Spreads of about 1 bps; 20 seconds of minute 100 at 25 bps; a one-sided second each minute. */
  private static Double[][] spreads() {
    Random random = new Random(5);
    Double[][] spreads = new Double[MINUTES][60];
    for (int m = 0; m < MINUTES; m++) {
      for (int s = 0; s < 60; s++) {
        spreads[m][s] = 1 + 0.2 * random.nextDouble();
      }
      spreads[m][random.nextInt(60)] = null;
    }
    for (int s = 20; s < 40; s++) {
      spreads[100][s] = 25.0;
    }
    return spreads;
  }

  @Test
  void scoresEachMinutesMeanQuotedSpreadWhenTheWatermarkPassesIt() throws Exception {
    Double[][] spreads = spreads();
    double[] means = new double[MINUTES];
    for (int m = 0; m < MINUTES; m++) {
      double sum = 0;
      int count = 0;
      for (Double spread : spreads[m]) {
        if (spread != null) {
          sum += spread;
          count++;
        }
      }
      means[m] = sum / count;
    }
    List<MarketAnomaly> blowouts;
    try (KeyedOneInputStreamOperatorTestHarness<String, MarketMicrostructure, MarketAnomaly>
        harness = harness()) {
      harness.open();
      Random order = new Random(3);
      for (int m = 0; m < MINUTES; m++) {
        List<Integer> seconds = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
          seconds.add(s);
        }
        Collections.shuffle(seconds, order); // the order within a minute does not matter
        for (int s : seconds) {
          long secondMs = START_MS + m * MINUTE_MS + s * 1_000L;
          harness.processElement(
              MicrostructureRecords.second(ETH, secondMs, spreads[m][s]), secondMs);
        }
        if (m == 100) {
          assertThat(harness.extractOutputValues()).isEmpty(); // minute 100 is still open
        }
        // The watermark trails a minute behind: each minute is taken when the next one is in.
        harness.processWatermark(START_MS + m * MINUTE_MS - 1);
      }
      harness.processWatermark(START_MS + MINUTES * MINUTE_MS - 1);
      // A second of a minute already taken: counted, left out.
      harness.processElement(
          MicrostructureRecords.second(ETH, START_MS + 100 * MINUTE_MS, 500.0), START_MS);
      harness.processWatermark(Long.MAX_VALUE);
      blowouts = harness.extractOutputValues();
      assertThat(harness.numEventTimeTimers()).isZero();
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the trailing means
    }

    List<Integer> expected = new ArrayList<>();
    for (int m = Anomalies.MIN_TRAILING; m < MINUTES; m++) {
      if (robustZ(means[m], before(means, m, ANOMALY_TRAILING)) >= 3.5) {
        expected.add(m);
      }
    }
    assertThat(expected).contains(100);
    assertThat(blowouts).hasSize(expected.size());
    for (int k = 0; k < blowouts.size(); k++) {
      int m = expected.get(k);
      double[] trailing = before(means, m, ANOMALY_TRAILING);
      double z = robustZ(means[m], trailing);
      MarketAnomaly blowout = blowouts.get(k);
      assertThat(blowout.getAnomalyType()).isEqualTo("SPREAD_BLOWOUT");
      assertThat(blowout.getTimestampUs()).isEqualTo((START_MS + (m + 1) * MINUTE_MS) * 1_000L);
      assertThat(blowout.getValue()).isCloseTo(means[m], within(1e-12));
      assertThat(blowout.getMedian()).isCloseTo(median(trailing), within(1e-12));
      assertThat(blowout.getZScore()).isCloseTo(z, within(1e-9));
      assertThat(blowout.getSeverity()).isCloseTo(Math.min(1, z / 10), within(1e-12));
      assertThat(blowout.getRecommendedAction()).isEqualTo(action(z));
      assertThat(blowout.getDescription())
          .startsWith(ETH + " mean quoted spread (bps) ")
          .contains("over 60 minutes");
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, MarketMicrostructure, MarketAnomaly>
      harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new SpreadProcessor(new SpreadAnalytics(ANOMALY_TRAILING))),
        MarketMicrostructure::getInstrument,
        Types.STRING);
  }
}
