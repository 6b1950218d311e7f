package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;

class LiquidityTest {

  private static final MicrostructureParams PARAMS =
      MicrostructureParams.builder().liquidityHistory(10).liquidityMinHistory(1).build();

  @Test
  void readsTheLiquidityWithinTheBandAndScoresItAgainstItsHistory() {
    // mid 100, ±100 bps: 99 to 101; 98 and 102 are outside.
    L2Book book =
        book(
            List.of(level(99.5, 10), level(99, 20), level(98, 1_000)),
            List.of(level(100.5, 10), level(101, 5), level(102, 1_000)));
    LiquidityScore history = PARAMS.newLiquidityScore();
    Resilience resilience = PARAMS.newResilience();
    Vpin vpin = PARAMS.newVpin();

    Liquidity first = Liquidity.of(book, PARAMS, history, resilience, vpin, 0);
    Liquidity second = Liquidity.of(book, PARAMS, history, resilience, vpin, 60_000_000);

    assertThat(first.bidLiquidityUsd()).isCloseTo(99.5 * 10 + 99 * 20, within(1e-9));
    assertThat(first.askLiquidityUsd()).isCloseTo(100.5 * 10 + 101 * 5, within(1e-9));
    assertThat(first.totalLiquidityUsd())
        .isCloseTo(first.bidLiquidityUsd() + first.askLiquidityUsd(), within(1e-9));
    assertThat(first.liquidityScore()).as("no history yet").isNull();
    assertThat(second.liquidityScore()).as("equal to its only sample").isEqualTo(50.0);
    assertThat(second.resilienceScore()).as("no sweep").isNull();
    assertThat(second.toxicityScore()).as("no buckets").isNull();
    assertThat(second.vpin()).isNull();
  }

  @Test
  void hasNoLiquidityWithoutAMid() {
    L2Book book = book(List.of(level(99.5, 10)), List.of());
    Liquidity liquidity =
        Liquidity.of(
            book, PARAMS, PARAMS.newLiquidityScore(), PARAMS.newResilience(), PARAMS.newVpin(), 0);
    assertThat(liquidity.bidLiquidityUsd()).isNull();
    assertThat(liquidity.totalLiquidityUsd()).isNull();
    assertThat(liquidity.liquidityScore()).isNull();
  }
}
