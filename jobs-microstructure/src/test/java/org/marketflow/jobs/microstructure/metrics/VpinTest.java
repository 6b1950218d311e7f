package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;

class VpinTest {

  private static final long MINUTE = 60_000_000L;
  private static final NormalDistribution NORMAL = new NormalDistribution();

  @Test
  void matchesAPlainBucketingOfASeededRandomTradeStream() {
    Random random = new Random(31L);
    double bucket = 2.0;
    int n = 50;
    Vpin vpin = new Vpin(bucket, n, 0, 0);

    List<Double> imbalances = new ArrayList<>();
    double fill = 0;
    double buy = 0;
    double lastPrice = Double.NaN;
    double variance = Double.NaN;
    double price = 100;
    int checked = 0;
    for (int i = 0; i < 20_000; i++) {
      price += random.nextGaussian() * 0.01;
      double size = -Math.log(1 - random.nextDouble()) * (random.nextInt(100) == 0 ? 20 : 0.7);
      if (i == 10_000) {
        size = 200 * bucket;
      }
      Side side =
          random.nextInt(4) == 0 ? Side.UNKNOWN : random.nextBoolean() ? Side.BUY : Side.SELL;
      vpin.addTrade(i * 1_000L, price, size, side);

      double change = Double.isNaN(lastPrice) ? 0 : price - lastPrice;
      double fraction;
      if (side == Side.BUY) {
        fraction = 1;
      } else if (side == Side.SELL) {
        fraction = 0;
      } else if (!(variance > 0)) {
        fraction = change > 0 ? 1 : change < 0 ? 0 : 0.5;
      } else {
        fraction = NORMAL.cumulativeProbability(change / Math.sqrt(variance));
      }
      if (!Double.isNaN(lastPrice)) {
        variance =
            Double.isNaN(variance) ? change * change : 0.05 * change * change + 0.95 * variance;
      }
      lastPrice = price;
      double remaining = size;
      while (remaining > 0) {
        double take = Math.min(remaining, bucket - fill);
        buy += take * fraction;
        fill += take;
        remaining -= take;
        if (fill >= bucket - 1e-9) {
          imbalances.add(Math.abs(buy - (fill - buy)));
          fill = 0;
          buy = 0;
        }
      }

      if (imbalances.size() < n) {
        assertThat(vpin.vpin()).isNaN();
      } else if (i % 100 == 0 || i == 10_000) {
        double sum = 0;
        for (int b = imbalances.size() - n; b < imbalances.size(); b++) {
          sum += imbalances.get(b);
        }
        assertThat(vpin.vpin()).isCloseTo(sum / (n * bucket), within(1e-6));
        assertThat(vpin.toxicityScore()).isCloseTo(100 * sum / (n * bucket), within(1e-4));
        checked++;
      }
    }
    assertThat(imbalances).hasSizeGreaterThan(5_000);
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void isOneForOneSidedFlowAndZeroForBalancedFlow() {
    Vpin oneSided = new Vpin(1.0, 10, 0, 0);
    Vpin balanced = new Vpin(1.0, 10, 0, 0);
    for (int i = 0; i < 40; i++) {
      oneSided.addTrade(i, 100, 0.5, Side.BUY);
      balanced.addTrade(i, 100, 0.5, i % 2 == 0 ? Side.BUY : Side.SELL);
    }
    assertThat(oneSided.vpin()).isEqualTo(1.0);
    assertThat(balanced.vpin()).isZero();
  }

  @Test
  void calibratesTheBucketOnTheFirstTradesAverageVolumeAMinute() {
    Vpin vpin = new Vpin(0, 50, 10 * MINUTE, 50);
    for (long second = 0; second < 600; second++) {
      vpin.addTrade(second * 1_000_000L, 100, 1.0, Side.BUY);
    }
    assertThat(vpin.bucketVolume).isZero();
    vpin.addTrade(600 * 1_000_000L, 100, 1.0, Side.BUY);
    // 600 units in 10 minutes: 60 a minute, 50 buckets a minute.
    assertThat(vpin.bucketVolume).isCloseTo(1.2, within(1e-12));
    assertThat(vpin.currentVolume).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void ignoresTradesWithoutVolume() {
    Vpin vpin = new Vpin(1.0, 1, 0, 0);
    vpin.addTrade(0, 100, 0.0, Side.BUY);
    vpin.addTrade(1, 100, Double.NaN, Side.BUY);
    vpin.addTrade(2, Double.NaN, 1.0, Side.BUY);
    assertThat(vpin.currentVolume).isZero();
    assertThat(vpin.count).isZero();
  }

  @Test
  void classifiesWithAStandardNormalDistributionFunction() {
    for (double z = -8; z <= 8; z += 0.01) {
      assertThat(NormalCdf.phi(z)).isCloseTo(NORMAL.cumulativeProbability(z), within(1e-7));
    }
    assertThat(NormalCdf.phi(0)).isCloseTo(0.5, within(1e-9));
    assertThat(NormalCdf.phi(Double.NaN)).isNaN();
  }

  @Test
  void rejectsACalibrationShorterThanAMinute() {
    assertThatThrownBy(() -> new Vpin(0, 50, 1_000, 50))
        .hasMessage(
            "calibrating the bucket volume needs at least a minute (1000 us) and buckets a minute"
                + " > 0 (50.0)");
  }
}
