package org.marketflow.jobs.microstructure.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.sinks.Samples;
import org.marketflow.schemas.avro.MarketTick;

class SampleTicksTest {

  private static final long T0 = 1_723_161_255_000_000L; // a whole second

  @Test
  void keepsTheFirstTickOfEachIntervalPerInstrument() throws Exception {
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new StreamFilter<>(new SampleTicks(Duration.ofMillis(100), Duration.ofDays(1))),
            new TickInstrument(),
            Types.STRING)) {
      harness.open();
      MarketTick eth = Samples.tick(T0 + 5, 0);
      eth.setInstrument("BINANCE:ETHUSDT");
      for (MarketTick tick :
          List.of(
              Samples.tick(T0, 0),
              Samples.tick(T0, 1), // same microsecond
              eth, // another instrument
              Samples.tick(T0 + 99_999, 0), // same interval
              Samples.tick(T0 + 100_000, 0), // the next one
              Samples.tick(T0 + 450_000, 0))) {
        harness.processElement(new StreamRecord<>(tick, tick.getExchangeTimeUs() / 1_000));
      }

      assertThat(harness.extractOutputValues())
          .extracting(t -> t.getInstrument() + "@" + (t.getExchangeTimeUs() - T0))
          .containsExactly(
              "BINANCE:BTCUSDT@0",
              "BINANCE:ETHUSDT@5",
              "BINANCE:BTCUSDT@100000",
              "BINANCE:BTCUSDT@450000");
      assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }
  }

  @Test
  void refusesAnIntervalBelowAMicrosecond() {
    assertThatThrownBy(() -> new SampleTicks(Duration.ofNanos(999), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the tick sampling interval must be at least 1 µs");
  }
}
