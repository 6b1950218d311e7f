package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegimeChainTest {

  @Test
  void spellsLastTheirConfiguredMeanLength() {
    RegimeChain chain =
        RegimeChain.of(
            new SimulatorSettings.Regimes(
                Duration.ofMinutes(10), Duration.ofMinutes(2), 2.5, 3, 0.35),
            1_000_000L);
    SplittableRandom random = new SplittableRandom(1);
    long[] steps = new long[2];
    long[] spells = new long[2];
    Regime previous = chain.current();
    assertThat(previous).isEqualTo(Regime.QUIET);
    for (int i = 0; i < 2_000_000; i++) {
      chain.step(random);
      steps[previous.ordinal()]++;
      if (chain.current() != previous) {
        spells[previous.ordinal()]++;
        previous = chain.current();
      }
    }
    // In steps of 1 s: 600 quiet, 120 stressed; a sixth of the time stressed.
    assertThat(steps[0] / (double) spells[0]).isCloseTo(600, within(30.0));
    assertThat(steps[1] / (double) spells[1]).isCloseTo(120, within(6.0));
    assertThat(steps[1] / 2e6).isCloseTo(1 / 6.0, within(0.01));
  }
}
