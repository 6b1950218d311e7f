package org.marketflow.benchmarks.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.ingest.simulator.SimulatedInstrument;
import org.marketflow.ingest.simulator.TradeTape;

class SyntheticMarketTest {

  @Test
  void namesInstrumentsSimI000Onwards() {
    assertThat(SyntheticMarket.instruments(12))
        .extracting(SimulatedInstrument::id)
        .startsWith("SIM:I000", "SIM:I001")
        .endsWith("SIM:I011");
  }

  @Test
  void producesTheSameTradesOnEveryRun() {
    TradeTape first = SyntheticMarket.tape(20, 1_000);
    TradeTape second = SyntheticMarket.tape(20, 1_000);

    for (int i = 0; i < 1_000; i++) {
      assertThat(second.next()).isEqualTo(first.next());
    }
  }
}
