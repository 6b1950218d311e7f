package org.marketflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.analytics.AnalyticsBars;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;

class InstrumentAnalyticsProcessorTest {

  @Test
  void emitsEveryWindowForEveryBarAndSkipsARepeatedBar() throws Exception {
    List<OhlcBar> bars =
        AnalyticsBars.bars(200).stream()
            .filter(b -> b.getInstrument().equals(AnalyticsBars.BTC))
            .toList();
    InstrumentAnalyticsProcessor processor =
        new InstrumentAnalyticsProcessor(
            new InstrumentAnalytics(
                List.of(Duration.ofHours(1), Duration.ofHours(24)), Duration.ofHours(1), 60, 240));
    try (KeyedOneInputStreamOperatorTestHarness<String, OhlcBar, VolatilityMetrics> harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(processor), OhlcBar::getInstrument, Types.STRING)) {
      harness.open();
      for (OhlcBar bar : bars) {
        harness.processElement(bar, bar.getBucketStartUs() / 1_000);
      }
      harness.processElement(bars.get(10), bars.get(10).getBucketStartUs() / 1_000);

      assertThat(harness.extractOutputValues()).hasSize(2 * bars.size());
      assertThat(harness.getSideOutput(InstrumentAnalyticsProcessor.REGIMES)).hasSize(bars.size());
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }
  }
}
