package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.Side;

class RealizedSpreadTest {

  private static final long HORIZON_US = 5_000;

  private record Mid(long timeUs, double mid) {}

  private record Fill(long timeUs, double price, double size, Side side, double midBefore) {}

  @Test
  void matchesAPlainComputationOverARandomStream() {
    Random random = new Random(5L);
    List<Mid> mids = new ArrayList<>();
    List<Fill> fills = new ArrayList<>();
    RealizedSpread spread = new RealizedSpread(HORIZON_US, 100_000);
    double mid = 100.0;
    for (long timeUs = 0; timeUs < 2_000_000; timeUs += 10) {
      if (random.nextInt(10) == 0) {
        mid = random.nextInt(50) == 0 ? Double.NaN : 100.0 + random.nextGaussian() * 0.2;
        mids.add(new Mid(timeUs, mid));
        spread.onMid(timeUs, mid);
      }
      if (random.nextInt(15) == 0) {
        long at = timeUs + 5;
        double price = 100.0 + random.nextGaussian() * 0.2;
        Side side = Side.values()[random.nextInt(3)];
        Fill fill = new Fill(at, price, random.nextDouble() * 2, side, mid);
        fills.add(fill);
        spread.addTrade(fill.timeUs, fill.price, fill.size, fill.side, fill.midBefore);
      }
    }
    long end = 2_000_000;
    spread.advanceTo(end);

    double weighted = 0.0;
    double volume = 0.0;
    int waiting = 0;
    for (Fill fill : fills) {
      long horizon = fill.timeUs + HORIZON_US;
      if (!(fill.midBefore > 0)) {
        continue;
      }
      if (horizon > end) {
        waiting++;
        continue;
      }
      double later = Double.NaN;
      for (Mid m : mids) {
        if (m.timeUs <= horizon) {
          later = m.mid;
        }
      }
      int sign;
      if (fill.side == Side.BUY) {
        sign = 1;
      } else if (fill.side == Side.SELL) {
        sign = -1;
      } else {
        sign = (int) Math.signum(fill.price - fill.midBefore);
      }
      if (sign == 0 || Double.isNaN(later)) {
        continue;
      }
      weighted += fill.size * 2.0 * sign * (fill.price - later) / fill.midBefore * 10_000;
      volume += fill.size;
    }
    assertThat(volume).isPositive();
    assertThat(spread.bps()).isCloseTo(weighted / volume, within(1e-9));
    assertThat(spread.pending).as("trades whose horizon is after the end").isEqualTo(waiting);
    assertThat(spread.pendingTimeUs.length).as("room grown to what waited").isLessThan(1_000);
    assertThat(spread.undefined).as("trades whose mid was undefined").isPositive();
  }

  @Test
  void usesTheMidInForceAtTheHorizonIncludingAnUpdateExactlyThen() {
    RealizedSpread spread = new RealizedSpread(1_000, 10);
    spread.onMid(0, 100.0);
    spread.addTrade(500, 100.05, 1.0, Side.BUY, 100.0);
    spread.onMid(1_000, 100.01);
    spread.onMid(1_500, 100.02);
    assertThat(spread.bps()).as("horizon 1,500 not passed yet").isNaN();
    spread.onMid(1_501, 100.04);
    // m(t + Δ) = 100.02, set exactly at 1,500: 2 * (100.05 - 100.02) / 100 * 10^4 = 6 bps
    assertThat(spread.bps()).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void isUndefinedWithoutTradesOrWhenTheHorizonMidIsUnknown() {
    RealizedSpread spread = new RealizedSpread(1_000, 10);
    spread.advanceTo(10_000);
    assertThat(spread.bps()).isNaN();

    spread.onMid(10_000, 100.0);
    spread.addTrade(10_100, 100.1, 1.0, Side.BUY, 100.0);
    spread.onMid(10_500, Double.NaN);
    spread.advanceTo(11_100);
    assertThat(spread.bps()).isNaN();
    assertThat(spread.undefined).isEqualTo(1);

    spread.addTrade(11_200, 100.0, 1.0, Side.UNKNOWN, 100.0);
    assertThat(spread.unclassified).as("unknown side at the mid").isEqualTo(1);
  }

  @Test
  void keepsAtMostItsCapacityOfTradesWaiting() {
    RealizedSpread spread = new RealizedSpread(1_000_000, 3);
    spread.onMid(0, 100.0);
    for (int i = 1; i <= 5; i++) {
      spread.addTrade(i, 100.0 + i, 1.0, Side.BUY, 100.0);
    }
    assertThat(spread.pending).isEqualTo(3);
    assertThat(spread.dropped).isEqualTo(2);
    spread.advanceTo(2_000_000);
    // The three newest, at 103, 104, 105 against a later mid of 100: 600, 800, 1,000 bps.
    assertThat(spread.bps()).isCloseTo(800.0, within(1e-9));
    spread.reset();
    assertThat(spread.bps()).isNaN();
    assertThat(spread.dropped).isZero();
  }

  @Test
  void rejectsANegativeHorizonAndNoRoom() {
    assertThatThrownBy(() -> new RealizedSpread(-1, 10)).hasMessage("horizon -1 us is negative");
    assertThatThrownBy(() -> new RealizedSpread(1, 0)).hasMessage("capacity 0 is not >= 1");
  }
}
