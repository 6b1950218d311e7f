package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.side;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;

class ImbalanceTest {

  @Test
  void imbalanceMatchesAPlainSumOverTheTopLevels() {
    Random random = new Random(9L);
    for (int round = 0; round < 200; round++) {
      List<BookLevel> bids = side(random, 99.99, 0.01, -1, 1 + random.nextInt(50));
      List<BookLevel> asks = side(random, 100.01, 0.01, 1, 1 + random.nextInt(50));
      int k = 1 + random.nextInt(20);
      double bid = 0;
      double ask = 0;
      for (int i = 0; i < k; i++) {
        bid += i < bids.size() ? bids.get(i).getSize() : 0;
        ask += i < asks.size() ? asks.get(i).getSize() : 0;
      }
      assertThat(Imbalance.topLevels(book(bids, asks), k))
          .isCloseTo((bid - ask) / (bid + ask), within(1e-12));
    }
  }

  @Test
  void imbalanceIsOneSidedOnAOneSidedBookAndUndefinedOnAnEmptyOne() {
    assertThat(Imbalance.topLevels(book(List.of(level(99, 1)), List.of()), 5)).isEqualTo(1.0);
    assertThat(Imbalance.topLevels(book(List.of(), List.of(level(101, 1))), 5)).isEqualTo(-1.0);
    assertThat(Imbalance.topLevels(book(List.of(), List.of()), 5)).isNaN();
  }

  @Test
  void micropriceLeansTowardsTheThinnerSide() {
    // bid 99 x 3, ask 101 x 1: (101 * 3 + 99 * 1) / 4 = 100.5, nearer the ask, which is thinner.
    L2Book book = book(List.of(level(99, 3), level(98, 10)), List.of(level(101, 1)));
    assertThat(Imbalance.microprice(book)).isEqualTo(100.5);
  }

  @Test
  void micropriceIsUndefinedOnAnEmptySideOrACrossedBook() {
    assertThat(Imbalance.microprice(book(List.of(level(99, 3)), List.of()))).isNaN();
    L2Book crossed = book(List.of(level(101, 1)), List.of(level(100, 1)));
    assertThat(Imbalance.microprice(crossed)).isNaN();
  }
}
