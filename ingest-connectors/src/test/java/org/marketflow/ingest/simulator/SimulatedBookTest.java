package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketflow.ingest.simulator.SimulatedBook.Change;
import org.marketflow.ingest.simulator.SimulatedBook.Fill;
import org.marketflow.ingest.simulator.SimulatedBook.Level;

class SimulatedBookTest {

  private static SimulatedBook book() {
    SimulatedBook book = new SimulatedBook();
    book.put(BookSide.BIDS, 99, new Level(10, 2));
    book.put(BookSide.ASKS, 101, new Level(5, 1));
    book.put(BookSide.ASKS, 102, new Level(8, 4));
    book.put(BookSide.ASKS, 103, new Level(20, 5));
    book.takeChanges();
    return book;
  }

  @Test
  void aMarketOrderTakesLevelsBestFirstAndLeavesThePartlyFilledOne() {
    SimulatedBook book = book();

    assertThat(book.take(BookSide.ASKS, 16))
        .containsExactly(new Fill(101, 5), new Fill(102, 8), new Fill(103, 3));

    assertThat(book.best(BookSide.ASKS)).isEqualTo(103);
    // 3 lots of a level of 5 orders of 4 lots on average: no order filled whole.
    assertThat(book.level(BookSide.ASKS, 103)).isEqualTo(new Level(17, 5));
    assertThat(book.takeChanges())
        .containsExactly(
            new Change(BookSide.ASKS, 101, 0, 0),
            new Change(BookSide.ASKS, 102, 0, 0),
            new Change(BookSide.ASKS, 103, 17, 5));
  }

  @Test
  void changesAreTheLevelsAsTheyAreNowOncePerPrice() {
    SimulatedBook book = book();
    book.put(BookSide.BIDS, 98, new Level(1, 1));
    book.remove(BookSide.BIDS, 98);
    book.put(BookSide.BIDS, 99, new Level(10, 2)); // as it was: no change
    book.put(BookSide.ASKS, 101, new Level(6, 2));

    assertThat(book.takeChanges())
        .containsExactly(new Change(BookSide.BIDS, 98, 0, 0), new Change(BookSide.ASKS, 101, 6, 2));
    assertThat(book.takeChanges()).isEmpty();
    assertThat(book.isCrossed()).isFalse();
    assertThat(book.totalLots(BookSide.ASKS)).isEqualTo(34);
  }
}
