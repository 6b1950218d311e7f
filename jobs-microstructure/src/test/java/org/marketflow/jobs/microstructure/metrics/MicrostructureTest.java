package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;

class MicrostructureTest {

  private static final MicrostructureParams PARAMS =
      MicrostructureParams.builder().depthBandBps(15).topLevels(2).impactNotional(300).build();

  @Test
  void readsEveryMetricOfTheInterval() {
    L2Book book =
        book(
            List.of(level(99.9, 2), level(99.8, 3), level(99.0, 10)),
            List.of(level(100.1, 1), level(100.2, 4), level(101.0, 10)));
    EffectiveSpread effective = new EffectiveSpread();
    effective.add(100.05, 1.0, 100.0);

    Microstructure m =
        Microstructure.of(book, PARAMS, effective, PARAMS.newRealizedSpread(), 25, 500_000);

    assertThat(m.mid()).isCloseTo(100.0, within(1e-12));
    assertThat(m.quotedSpreadBps()).isCloseTo(20.0, within(1e-9));
    assertThat(m.effectiveSpreadBps()).isCloseTo(10.0, within(1e-9));
    assertThat(m.realizedSpreadBps()).isNull();
    // ±15 bps of 100: 99.85 to 100.15.
    assertThat(m.depthBid()).isEqualTo(2.0);
    assertThat(m.depthAsk()).isEqualTo(1.0);
    assertThat(m.depthBidNotional()).isCloseTo(199.8, within(1e-9));
    assertThat(m.depthAskNotional()).isCloseTo(100.1, within(1e-9));
    assertThat(m.topDepthBid()).isEqualTo(5.0);
    assertThat(m.topDepthAsk()).isEqualTo(5.0);
    assertThat(m.imbalance()).isZero();
    assertThat(m.microprice()).isCloseTo((100.1 * 2 + 99.9 * 1) / 3, within(1e-9));
    assertThat(m.tickFrequency()).isEqualTo(50.0);
    // Buying 300: 100.1 at 100.1, then 199.9 at 100.2. Selling 300: 199.8 at 99.9, 100.2 at 99.8.
    double buyVwap = 300 / (1 + 199.9 / 100.2);
    double sellVwap = 300 / (2 + 100.2 / 99.8);
    assertThat(m.buyImpactBps()).isCloseTo((buyVwap - 100) / 100 * 10_000, within(1e-9));
    assertThat(m.sellImpactBps()).isCloseTo((100 - sellVwap) / 100 * 10_000, within(1e-9));
    assertThat(m.priceImpactBps())
        .isCloseTo((m.buyImpactBps() + m.sellImpactBps()) / 2, within(1e-12));
    assertThat(m.buyFilledFraction()).isEqualTo(1.0);
    assertThat(m.sellFilledFraction()).isEqualTo(1.0);
  }

  @Test
  void leavesOutWhatAnEmptyBookAndAQuietIntervalCannotGive() {
    Microstructure m =
        Microstructure.of(
            new L2Book(), PARAMS, new EffectiveSpread(), PARAMS.newRealizedSpread(), 0, 1_000_000);

    assertThat(m.mid()).isNull();
    assertThat(m.quotedSpreadBps()).isNull();
    assertThat(m.effectiveSpreadBps()).isNull();
    assertThat(m.depthBid()).isNull();
    assertThat(m.depthAskNotional()).isNull();
    assertThat(m.topDepthBid()).isZero();
    assertThat(m.imbalance()).isNull();
    assertThat(m.microprice()).isNull();
    assertThat(m.tickFrequency()).isZero();
    assertThat(m.buyImpactBps()).isNull();
    assertThat(m.priceImpactBps()).isNull();
    assertThat(m.buyFilledFraction()).isZero();
  }

  @Test
  void aCrossedBookHasNoSpreadButStillHasDepthInItsLevels() {
    L2Book crossed = book(List.of(level(100.2, 1)), List.of(level(100.1, 3)));
    Microstructure m =
        Microstructure.of(
            crossed, PARAMS, new EffectiveSpread(), PARAMS.newRealizedSpread(), 1, 1_000_000);
    assertThat(m.quotedSpreadBps()).isNull();
    assertThat(m.depthBid()).isNull();
    assertThat(m.topDepthAsk()).isEqualTo(3.0);
    assertThat(m.imbalance()).isCloseTo(-0.5, within(1e-12));
    assertThat(m.buyImpactBps()).isNull();
  }

  @Test
  void rejectsAnEmptyInterval() {
    assertThatThrownBy(() -> Microstructure.tickFrequency(1, 0))
        .hasMessage("interval 0 us is not > 0");
  }
}
