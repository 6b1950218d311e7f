package org.marketflow.benchmarks.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.schemas.avro.BookLevel;

class SortedArrayBookTest {

  @Test
  void replacesAndRemovesLevelsBestFirst() {
    SortedArrayBook book = new SortedArrayBook();
    book.reset(
        List.of(level(100.0, 1), level(99.5, 2), level(101.0, 3)),
        List.of(level(102.0, 1), level(103.0, 2)));

    book.apply(
        List.of(level(99.5, 0), level(100.0, 4), level(98.0, 0)),
        List.of(level(101.5, 5), level(103.0, 0)));

    assertThat(book.bids(5)).containsExactly(level(101.0, 3), level(100.0, 4));
    assertThat(book.asks(5)).containsExactly(level(101.5, 5), level(102.0, 1));
    assertThat(book.depth()).isEqualTo(4);
  }

  @Test
  void endsInTheSameStateAsOrderBookAfterManyRandomUpdates() {
    Random random = new Random(20250101);
    OrderBook expected = new OrderBook();
    SortedArrayBook actual = new SortedArrayBook();
    for (int update = 0; update < 2_000; update++) {
      List<BookLevel> bids = randomLevels(random, 900.0);
      List<BookLevel> asks = randomLevels(random, 1_100.0);
      expected.apply(bids, asks);
      actual.apply(bids, asks);
    }

    assertThat(actual.depth()).isEqualTo(expected.depth()).isGreaterThan(512);
    assertThat(actual.bids(1_000)).isEqualTo(expected.bids(1_000));
    assertThat(actual.asks(1_000)).isEqualTo(expected.asks(1_000));
  }

  /** A few levels around {@code middle} on a 0.5 tick, a third of them removals. */
  private static List<BookLevel> randomLevels(Random random, double middle) {
    List<BookLevel> levels = new ArrayList<>();
    for (int i = random.nextInt(6); i >= 0; i--) {
      double price = middle + (random.nextInt(800) - 400) * 0.5;
      levels.add(level(price, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(100)));
    }
    return levels;
  }

  private static BookLevel level(double price, double size) {
    return new BookLevel(price, size, null);
  }
}
