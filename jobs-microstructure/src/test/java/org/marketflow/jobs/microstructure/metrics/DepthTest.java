package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.book;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.level;
import static org.marketflow.jobs.microstructure.metrics.TestBooks.side;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;

class DepthTest {

  @Test
  void matchesPlainSumsOverRandomBooks() {
    Random random = new Random(3L);
    for (int round = 0; round < 200; round++) {
      List<BookLevel> bids = side(random, 99.99, 0.01, -1, 1 + random.nextInt(400));
      List<BookLevel> asks =
          side(random, 100.01 + random.nextInt(5) * 0.01, 0.01, 1, 1 + random.nextInt(400));
      L2Book book = book(bids, asks);
      double mid = (bids.get(0).getPrice() + asks.get(0).getPrice()) / 2;
      double bps = 1 + random.nextInt(200);
      int k = 1 + random.nextInt(30);

      double bidBase = 0;
      double bidNotional = 0;
      for (BookLevel level : bids) {
        if (level.getPrice() >= mid - mid * bps / 10_000) {
          bidBase += level.getSize();
          bidNotional += level.getPrice() * level.getSize();
        }
      }
      double askBase = 0;
      double askNotional = 0;
      for (BookLevel level : asks) {
        if (level.getPrice() <= mid + mid * bps / 10_000) {
          askBase += level.getSize();
          askNotional += level.getPrice() * level.getSize();
        }
      }
      double topBid = 0;
      double topAskNotional = 0;
      for (int i = 0; i < k; i++) {
        topBid += i < bids.size() ? bids.get(i).getSize() : 0;
        topAskNotional += i < asks.size() ? asks.get(i).getPrice() * asks.get(i).getSize() : 0;
      }

      assertThat(Depth.withinBps(book, BookSide.BID, bps)).isCloseTo(bidBase, within(1e-9));
      assertThat(Depth.notionalWithinBps(book, BookSide.BID, bps))
          .isCloseTo(bidNotional, within(1e-6));
      assertThat(Depth.withinBps(book, BookSide.ASK, bps)).isCloseTo(askBase, within(1e-9));
      assertThat(Depth.notionalWithinBps(book, BookSide.ASK, bps))
          .isCloseTo(askNotional, within(1e-6));
      assertThat(Depth.topLevels(book, BookSide.BID, k)).isCloseTo(topBid, within(1e-9));
      assertThat(Depth.topLevelsNotional(book, BookSide.ASK, k))
          .isCloseTo(topAskNotional, within(1e-6));
    }
  }

  @Test
  void countsALevelExactlyOnTheBandsEdge() {
    // mid 100, 10 bps = 0.1: bids down to 99.9, asks up to 100.1
    L2Book book =
        book(
            List.of(level(99.95, 1), level(99.9, 2), level(99.8, 4)),
            List.of(level(100.05, 1), level(100.1, 2), level(100.2, 4)));
    assertThat(Depth.withinBps(book, BookSide.BID, 10)).isEqualTo(3.0);
    assertThat(Depth.withinBps(book, BookSide.ASK, 10)).isEqualTo(3.0);
  }

  @Test
  void bandDepthIsUndefinedWithoutAMidButTopDepthIsNot() {
    L2Book oneSided = book(List.of(level(99, 2)), List.of());
    assertThat(Depth.withinBps(oneSided, BookSide.BID, 10)).isNaN();
    assertThat(Depth.notionalWithinBps(oneSided, BookSide.ASK, 10)).isNaN();
    assertThat(Depth.topLevels(oneSided, BookSide.BID, 5)).isEqualTo(2.0);
    assertThat(Depth.topLevels(oneSided, BookSide.ASK, 5)).isZero();

    L2Book crossed = book(List.of(level(101, 1)), List.of(level(100, 1)));
    assertThat(Depth.withinBps(crossed, BookSide.BID, 100)).isNaN();
  }
}
