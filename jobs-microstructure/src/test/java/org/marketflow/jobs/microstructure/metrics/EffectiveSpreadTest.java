package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EffectiveSpreadTest {

  @Test
  void isTheVolumeWeightedMeanOfTheTradesEffectiveSpreads() {
    Random random = new Random(11L);
    EffectiveSpread spread = new EffectiveSpread();
    double weighted = 0.0;
    double volume = 0.0;
    long withoutMid = 0;
    for (int i = 0; i < 10_000; i++) {
      double mid = random.nextInt(20) == 0 ? Double.NaN : 100.0 + random.nextGaussian();
      double price = (Double.isNaN(mid) ? 100.0 : mid) + random.nextGaussian() * 0.05;
      double size = random.nextDouble() * 3;
      spread.add(price, size, mid);
      if (Double.isNaN(mid)) {
        withoutMid++;
      } else {
        weighted += size * 2.0 * Math.abs(price - mid) / mid * 10_000;
        volume += size;
      }
    }
    assertThat(spread.bps()).isCloseTo(weighted / volume, within(1e-9));
    assertThat(spread.undefined).isEqualTo(withoutMid);
    assertThat(spread.counted).isEqualTo(10_000 - withoutMid);
  }

  @Test
  void isUndefinedWithoutTradesAndAfterAReset() {
    EffectiveSpread spread = new EffectiveSpread();
    assertThat(spread.bps()).isNaN();
    spread.add(100.1, 1.0, Double.NaN);
    assertThat(spread.bps()).as("only a trade without a mid").isNaN();
    spread.add(100.1, 1.0, 100.0);
    assertThat(spread.bps()).isCloseTo(20.0, within(1e-9));
    spread.reset();
    assertThat(spread.bps()).isNaN();
    assertThat(spread.counted).isZero();
  }
}
