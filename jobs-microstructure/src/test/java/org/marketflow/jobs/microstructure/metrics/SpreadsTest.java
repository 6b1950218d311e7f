package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;

class SpreadsTest {

  @Test
  void quotedSpreadIsTheSpreadOverTheMidInBasisPoints() {
    L2Book book = book(List.of(level(99.5, 1), level(99.0, 1)), List.of(level(100.5, 1)));
    assertThat(Spreads.mid(book)).isEqualTo(100.0);
    assertThat(Spreads.quotedBps(book)).isEqualTo(100.0);
    assertThat(Spreads.quotedBps(0.40, 0.42)).isCloseTo(0.02 / 0.41 * 10_000, within(1e-9));
  }

  @Test
  void quotedSpreadIsUndefinedOnAnEmptySideOrACrossedOrLockedBook() {
    assertThat(Spreads.quotedBps(book(List.of(level(99, 1)), List.of()))).isNaN();
    assertThat(Spreads.quotedBps(book(List.of(), List.of(level(101, 1))))).isNaN();
    assertThat(Spreads.mid(book(List.of(), List.of()))).isNaN();
    assertThat(Spreads.quotedBps(101.0, 100.0)).as("crossed").isNaN();
    assertThat(Spreads.quotedBps(100.0, 100.0)).as("locked").isNaN();
    assertThat(Spreads.mid(101.0, 100.0)).isNaN();
  }

  @Test
  void effectiveSpreadIsTwiceTheDistanceFromTheMidBefore() {
    assertThat(Spreads.effectiveBps(100.05, 100.0)).isCloseTo(10.0, within(1e-9));
    assertThat(Spreads.effectiveBps(99.95, 100.0)).isCloseTo(10.0, within(1e-9));
    assertThat(Spreads.effectiveBps(100.0, 100.0)).isZero();
    assertThat(Spreads.effectiveBps(100.0, Double.NaN)).isNaN();
  }

  @Test
  void realizedSpreadIsSignedByTheAggressor() {
    // A buy at 100.05 when the mid was 100.00 and later moved to 100.03: 2 * (100.05 - 100.03) /
    // 100
    assertThat(Spreads.realizedBps(1, 100.05, 100.0, 100.03)).isCloseTo(4.0, within(1e-9));
    // A sell at 99.95, the mid later at 99.90: the seller lost 2 * (99.90 - 99.95) / 100 = -10 bps.
    assertThat(Spreads.realizedBps(-1, 99.95, 100.0, 99.90)).isCloseTo(-10.0, within(1e-9));
    assertThat(Spreads.realizedBps(1, 100.05, 100.0, Double.NaN)).isNaN();
  }
}
