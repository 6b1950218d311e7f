package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.side;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;

class PriceImpactTest {

  @Test
  void matchesAPlainWalkOverRandomBooks() {
    Random random = new Random(13L);
    int unfilled = 0;
    for (int round = 0; round < 500; round++) {
      List<BookLevel> bids = side(random, 99.99, 0.01, -1, 1 + random.nextInt(100));
      List<BookLevel> asks = side(random, 100.01, 0.01, 1, 1 + random.nextInt(100));
      L2Book book = book(bids, asks);
      double mid = (bids.get(0).getPrice() + asks.get(0).getPrice()) / 2;
      double notional = 100 + random.nextInt(20_000);

      PriceImpact.Walk buy = PriceImpact.buy(book, notional);
      PriceImpact.Walk sell = PriceImpact.sell(book, notional);

      double[] expectedBuy = walk(asks, notional);
      double[] expectedSell = walk(bids, notional);
      assertThat(buy.filledNotional()).isCloseTo(expectedBuy[0], within(1e-6));
      assertThat(buy.filledBase()).isCloseTo(expectedBuy[1], within(1e-9));
      assertThat(sell.filledNotional()).isCloseTo(expectedSell[0], within(1e-6));
      if (expectedBuy[0] >= notional - 1e-9) {
        double vwap = expectedBuy[0] / expectedBuy[1];
        assertThat(buy.bps()).isCloseTo((vwap - mid) / mid * 10_000, within(1e-6));
        assertThat(buy.filled()).isTrue();
      } else {
        unfilled++;
        assertThat(buy.bps()).isNaN();
        assertThat(buy.filledFraction()).isCloseTo(expectedBuy[0] / notional, within(1e-12));
      }
      if (expectedSell[0] >= notional - 1e-9) {
        double vwap = expectedSell[0] / expectedSell[1];
        assertThat(sell.bps()).isCloseTo((mid - vwap) / mid * 10_000, within(1e-6));
      } else {
        assertThat(sell.bps()).isNaN();
      }
    }
    assertThat(unfilled).as("books too thin for the notional").isPositive();
  }

  @Test
  void walksPartOfTheLastLevelItNeeds() {
    // asks 100 x 1 and 102 x 10, mid 99.5: buying 304 takes 100 at 100 and 204 at 102, 2 units.
    L2Book book = book(List.of(level(99, 1)), List.of(level(100, 1), level(102, 10)));
    PriceImpact.Walk buy = PriceImpact.buy(book, 304);
    assertThat(buy.filledBase()).isEqualTo(3.0);
    assertThat(buy.vwap()).isCloseTo(304 / 3.0, within(1e-12));
    assertThat(buy.bps()).isCloseTo((304 / 3.0 - 99.5) / 99.5 * 10_000, within(1e-9));
    assertThat(buy.filledFraction()).isEqualTo(1.0);
  }

  @Test
  void marksANotionalTheBookCannotFill() {
    L2Book book = book(List.of(level(99, 1)), List.of(level(101, 1)));
    PriceImpact.Walk sell = PriceImpact.sell(book, 198);
    assertThat(sell.filled()).isFalse();
    assertThat(sell.filledFraction()).isEqualTo(0.5);
    assertThat(sell.vwap()).isEqualTo(99.0);
    assertThat(sell.bps()).isNaN();
  }

  @Test
  void anEmptySideFillsNothingAndAMissingMidLeavesOnlyTheVwap() {
    L2Book asksOnly = book(List.of(), List.of(level(101, 5)));
    PriceImpact.Walk sell = PriceImpact.sell(asksOnly, 100);
    assertThat(sell.filledFraction()).isZero();
    assertThat(sell.vwap()).isNaN();
    PriceImpact.Walk buy = PriceImpact.buy(asksOnly, 101);
    assertThat(buy.filled()).isTrue();
    assertThat(buy.vwap()).isEqualTo(101.0);
    assertThat(buy.bps()).as("no bid, no mid").isNaN();
  }

  @Test
  void rejectsANotionalThatIsNotPositive() {
    L2Book book = book(List.of(level(99, 1)), List.of(level(101, 1)));
    assertThatThrownBy(() -> PriceImpact.buy(book, 0))
        .hasMessage("notional 0.0 is not a positive number");
  }

  /** Filled notional and base of spending {@code notional} on {@code levels}, best first. */
  private static double[] walk(List<BookLevel> levels, double notional) {
    double spent = 0;
    double base = 0;
    for (BookLevel level : levels) {
      double cost = level.getPrice() * level.getSize();
      if (spent + cost >= notional) {
        base += (notional - spent) / level.getPrice();
        spent = notional;
        break;
      }
      spent += cost;
      base += level.getSize();
    }
    return new double[] {spent, base};
  }
}
