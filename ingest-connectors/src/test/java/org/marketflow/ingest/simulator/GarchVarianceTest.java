package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GarchVarianceTest {

  private final GarchVariance variance = new GarchVariance(new SimulatorSettings.Garch(0.08, 0.9));

  @Test
  void aLargeShockRaisesTheNextVariance() {
    assertThat(variance.current()).isEqualTo(1.0);

    variance.update(3);

    // 0.02 + 0.08 × 1 × 9 + 0.9 × 1
    assertThat(variance.current()).isCloseTo(1.64, within(1e-12));
  }

  @Test
  void theExcessVarianceDecaysByThePersistenceAtAverageShocks() {
    variance.update(3);
    double excess = variance.current() - 1;
    for (int step = 1; step <= 35; step++) {
      variance.update(1); // z² = 1, its mean
      assertThat(variance.current() - 1).isCloseTo(excess * Math.pow(0.98, step), within(1e-12));
    }
    // Half of it is gone after 35 steps, as the default settings say.
    assertThat(variance.current() - 1).isCloseTo(excess / 2, within(0.01));
  }
}
