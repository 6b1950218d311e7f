package org.marketflow.jobs.ohlc.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketflow.testing.data.Trades.btc;

import org.junit.jupiter.api.Test;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;

class OhlcAccumulatorTest {

  @Test
  void foldsTradesIntoABar() {
    OhlcAccumulator bar = new OhlcAccumulator();
    bar.add(btc(1, 1, 100.0, 1.0));
    bar.add(btc(2, 2, 105.0, 2.0));
    bar.add(btc(3, 3, 99.0, 1.0));
    bar.add(btc(4, 4, 101.0, 0.5));

    assertThat(bar.open).isEqualTo(100.0);
    assertThat(bar.high).isEqualTo(105.0);
    assertThat(bar.low).isEqualTo(99.0);
    assertThat(bar.close).isEqualTo(101.0);
    assertThat(bar.volume.value()).isEqualTo(4.5);
    assertThat(bar.quoteVolume.value()).isEqualTo(100.0 + 210.0 + 99.0 + 50.5);
    assertThat(bar.tradeCount).isEqualTo(4);
  }

  @Test
  void opensAndClosesByEventTimeNotArrival() {
    OhlcAccumulator bar = new OhlcAccumulator();
    bar.add(btc(30, 30, 200.0, 1.0));
    bar.add(btc(50, 50, 250.0, 1.0));
    bar.add(btc(10, 10, 150.0, 1.0)); // arrives last, happened first

    assertThat(bar.open).isEqualTo(150.0);
    assertThat(bar.close).isEqualTo(250.0);
    assertThat(bar.openTimeUs).isLessThan(bar.closeTimeUs);
  }

  @Test
  void breaksTimeTiesBySequence() {
    OhlcAccumulator bar = new OhlcAccumulator();
    bar.add(btc(5, 8, 102.0, 1.0));
    bar.add(btc(5, 7, 101.0, 1.0));
    bar.add(btc(5, 9, 103.0, 1.0));

    assertThat(bar.open).isEqualTo(101.0);
    assertThat(bar.close).isEqualTo(103.0);
  }

  @Test
  void mergesLikeOneAccumulator() {
    OhlcAccumulator left = new OhlcAccumulator();
    left.add(btc(20, 20, 110.0, 1.0));
    OhlcAccumulator right = new OhlcAccumulator();
    right.add(btc(10, 10, 90.0, 2.0));
    right.add(btc(40, 40, 120.0, 3.0));
    left.merge(right);
    left.merge(new OhlcAccumulator());

    assertThat(left.open).isEqualTo(90.0);
    assertThat(left.close).isEqualTo(120.0);
    assertThat(left.high).isEqualTo(120.0);
    assertThat(left.low).isEqualTo(90.0);
    assertThat(left.volume.value()).isEqualTo(6.0);
    assertThat(left.tradeCount).isEqualTo(3);
  }
}
