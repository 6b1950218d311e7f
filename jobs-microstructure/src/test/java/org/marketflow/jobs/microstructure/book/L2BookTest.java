package org.marketflow.jobs.microstructure.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marketflow.jobs.microstructure.book.BookSide.ASK;
import static org.marketflow.jobs.microstructure.book.BookSide.BID;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

class L2BookTest {

  @Test
  void anEmptyBookHasNoBestPricesAndIsNotCrossed() {
    L2Book book = new L2Book();
    assertThat(book.bestBid()).isNaN();
    assertThat(book.bestAsk()).isNaN();
    assertThat(book.bestBidSize()).isNaN();
    assertThat(book.levelCount()).isZero();
    assertThat(book.isEmpty(BID)).isTrue();
    assertThat(book.isCrossed()).isFalse();
    assertThat(book.levels(ASK, 5)).isEmpty();
  }

  @Test
  void aSnapshotReplacesTheBookAndListsLevelsBestFirst() {
    L2Book book = new L2Book();
    book.set(BID, 1.0, 1.0, L2Book.NO_ORDER_COUNT);
    book.reset(
        List.of(level(100.0, 1.0), level(99.5, 2.0), level(99.0, 3.0)),
        List.of(level(100.5, 4.0), level(101.0, 5.0)));

    assertThat(book.levelCount(BID)).isEqualTo(3);
    assertThat(book.levelCount(ASK)).isEqualTo(2);
    assertThat(book.bestBid()).isEqualTo(100.0);
    assertThat(book.bestBidSize()).isEqualTo(1.0);
    assertThat(book.bestAsk()).isEqualTo(100.5);
    assertThat(book.bestAskSize()).isEqualTo(4.0);
    assertThat(book.levels(BID, 2)).containsExactly(level(100.0, 1.0), level(99.5, 2.0));
    assertThat(book.levels(ASK, 10)).containsExactly(level(100.5, 4.0), level(101.0, 5.0));
    assertThat(book.price(BID, 2)).isEqualTo(99.0);
  }

  @Test
  void aSnapshotInAnyOrderGivesTheSameBookAsOneListedBestFirst() {
    L2Book sorted = new L2Book();
    sorted.reset(
        List.of(level(100.0, 1.0), level(99.5, 2.0), level(99.0, 3.0)),
        List.of(level(100.5, 4.0), level(101.0, 5.0)));
    L2Book shuffled = new L2Book();
    shuffled.reset(
        List.of(level(99.5, 2.0), level(99.0, 3.0), level(100.0, 1.0)),
        List.of(level(101.0, 5.0), level(100.5, 4.0), level(102.0, 0.0)));

    assertThat(shuffled).isEqualTo(sorted).hasSameHashCodeAs(sorted);
  }

  @Test
  void aDeltaReplacesAddsAndRemovesLevels() {
    L2Book book = new L2Book();
    book.reset(List.of(level(100.0, 1.0), level(99.0, 3.0)), List.of(level(101.0, 5.0)));

    book.apply(
        List.of(level(99.0, 0.0), level(100.5, 7.0), level(98.0, 0.0)),
        List.of(level(101.0, 2.0), level(102.0, 1.0)));

    assertThat(book.levels(BID, 10)).containsExactly(level(100.5, 7.0), level(100.0, 1.0));
    assertThat(book.levels(ASK, 10)).containsExactly(level(101.0, 2.0), level(102.0, 1.0));
  }

  @Test
  void appliesPublishedSnapshotsAndDeltas() {
    L2Book book = new L2Book();
    book.apply(update(BookUpdateKind.SNAPSHOT, List.of(level(10.0, 1.0)), List.of()));
    book.apply(update(BookUpdateKind.DELTA, List.of(), List.of(level(11.0, 2.0))));
    assertThat(book.bestBid()).isEqualTo(10.0);
    assertThat(book.bestAsk()).isEqualTo(11.0);

    book.apply(update(BookUpdateKind.SNAPSHOT, List.of(level(9.0, 1.0)), List.of()));
    assertThat(book.bestBid()).isEqualTo(9.0);
    assertThat(book.isEmpty(ASK)).isTrue();
  }

  @Test
  void keepsOrderCountsWhereTheVenueGivesThem() {
    L2Book book = new L2Book();
    book.reset(
        List.of(new BookLevel(0.40, 100.0, 3), level(0.39, 50.0)),
        List.of(new BookLevel(0.42, 10.0, 1)));

    assertThat(book.orderCount(BID, 0)).isEqualTo(3);
    assertThat(book.orderCount(BID, 1)).isEqualTo(L2Book.NO_ORDER_COUNT);
    assertThat(book.levels(BID, 2))
        .containsExactly(new BookLevel(0.40, 100.0, 3), new BookLevel(0.39, 50.0, null));
  }

  @Test
  void isCrossedWhenTheBestBidReachesTheBestAsk() {
    L2Book book = new L2Book();
    book.reset(List.of(level(100.0, 1.0)), List.of(level(101.0, 1.0)));
    assertThat(book.isCrossed()).isFalse();
    book.set(BID, 101.0, 1.0, L2Book.NO_ORDER_COUNT);
    assertThat(book.isCrossed()).as("locked").isTrue();
    book.set(BID, 101.5, 1.0, L2Book.NO_ORDER_COUNT);
    assertThat(book.isCrossed()).as("crossed").isTrue();
  }

  @Test
  void rejectsAnInvalidDeltaWithoutChangingTheBook() {
    L2Book book = new L2Book();
    book.reset(List.of(level(100.0, 1.0)), List.of(level(101.0, 1.0)));
    L2Book before = book.copy();

    assertThatThrownBy(
            () -> book.apply(List.of(level(99.0, 1.0)), List.of(level(102.0, 1.0), level(103, -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ASK level 1: size -1.0 is not a finite number >= 0");
    assertThatThrownBy(() -> book.reset(List.of(level(Double.NaN, 1.0)), List.of()))
        .hasMessage("BID level 0: price NaN is not finite");
    assertThatThrownBy(() -> book.apply(List.of(new BookLevel(99.0, 1.0, -2)), List.of()))
        .hasMessage("BID level 0: order count -2 is negative");
    // -1 on the wire is a negative count, not the book's NO_ORDER_COUNT.
    assertThatThrownBy(() -> book.apply(List.of(new BookLevel(99.0, 1.0, -1)), List.of()))
        .hasMessage("BID level 0: order count -1 is negative");
    BookLevels tooMany = new BookLevels();
    tooMany.add(99.0, 1.0, Integer.MAX_VALUE + 1L);
    assertThatThrownBy(() -> book.apply(tooMany, new BookLevels()))
        .hasMessage("BID level 0: order count 2147483648 is not an int");
    assertThat(book).isEqualTo(before);
  }

  @Test
  void appliesLevelsInArraysAsItAppliesTheContractsLevels() {
    List<BookLevel> bids =
        List.of(level(100.0, 1.0), new BookLevel(99.5, 2.0, 7), level(99.0, 3.0));
    List<BookLevel> asks = List.of(level(101.0, 5.0), level(100.5, 4.0)); // not best first
    List<BookLevel> deltaBids = List.of(level(99.5, 0.0), new BookLevel(99.75, 1.5, 2));
    List<BookLevel> deltaAsks = List.of(level(100.25, 1.0), level(102.0, 0.0));
    L2Book fromLists = new L2Book();
    L2Book fromArrays = new L2Book();

    fromLists.reset(bids, asks);
    fromArrays.reset(arrays(bids), arrays(asks));
    assertThat(fromArrays).isEqualTo(fromLists);
    fromLists.apply(deltaBids, deltaAsks);
    fromArrays.apply(arrays(deltaBids), arrays(deltaAsks));

    assertThat(fromArrays).isEqualTo(fromLists);
    assertThat(fromArrays.levels(BID, 10))
        .containsExactly(level(100.0, 1.0), new BookLevel(99.75, 1.5, 2), level(99.0, 3.0));
    assertThat(fromArrays.levels(ASK, 10))
        .containsExactly(level(100.25, 1.0), level(100.5, 4.0), level(101.0, 5.0));
  }

  /** The levels as a decoder fills them, one by one into reused arrays. */
  private static BookLevels arrays(List<BookLevel> levels) {
    BookLevels arrays = new BookLevels();
    arrays.add(1.0, 1.0, 1); // left from the update before
    arrays.clear();
    for (BookLevel level : levels) {
      Integer count = level.getOrderCount();
      arrays.add(
          level.getPrice(), level.getSize(), count == null ? BookLevels.NO_ORDER_COUNT : count);
    }
    return arrays;
  }

  @Test
  void pushBestAcceptsOnlyABetterPrice() {
    L2Book book = new L2Book();
    book.pushBest(ASK, 102.0, 1.0, L2Book.NO_ORDER_COUNT);
    book.pushBest(ASK, 101.0, 2.0, L2Book.NO_ORDER_COUNT);
    assertThat(book.bestAsk()).isEqualTo(101.0);

    assertThatThrownBy(() -> book.pushBest(ASK, 101.0, 1.0, L2Book.NO_ORDER_COUNT))
        .hasMessage(
            "ASK 101.0 is not better than the best ASK 101.0: levels are pushed from the worst to"
                + " the best");
    assertThatThrownBy(() -> book.pushBest(ASK, 100.0, 0.0, L2Book.NO_ORDER_COUNT))
        .hasMessage("ASK 100.0: size 0.0 is not > 0");
  }

  @Test
  void growsPastItsInitialCapacityAndCopiesIndependently() {
    L2Book book = new L2Book(1);
    for (int i = 0; i < 1000; i++) {
      book.set(BID, 1000.0 - i, 1.0 + i, L2Book.NO_ORDER_COUNT);
    }
    L2Book copy = book.copy();
    book.set(BID, 1000.0, 0.0, L2Book.NO_ORDER_COUNT);

    assertThat(copy.levelCount(BID)).isEqualTo(1000);
    assertThat(copy.bestBid()).isEqualTo(1000.0);
    assertThat(book.bestBid()).isEqualTo(999.0);
    assertThat(copy.price(BID, 999)).isEqualTo(1.0);
    assertThatThrownBy(() -> copy.price(BID, 1000)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  static BookLevel level(double price, double size) {
    return new BookLevel(price, size, null);
  }

  private static BookUpdate update(
      BookUpdateKind kind, List<BookLevel> bids, List<BookLevel> asks) {
    return BookUpdate.newBuilder()
        .setInstrument("TEST:BOOK")
        .setExchangeTimeUs(1L)
        .setReceiveTimeUs(1L)
        .setKind(kind)
        .setBids(bids)
        .setAsks(asks)
        .build();
  }
}
