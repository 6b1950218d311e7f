package org.marketflow.jobs.microstructure.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.marketflow.schemas.avro.BookLevel;

/**
 * 100,000 random snapshots and deltas applied to an {@link L2Book} and to a plain {@link TreeMap}
 * per side give the same book after every operation. Prices cluster near the middle, as real
 * updates do, with a tail reaching far from it.
 */
class L2BookPropertyTest {

  private static final int OPERATIONS = 100_000;

  private final Random random = new Random(20240808L);
  private final NavigableMap<Double, BookLevel> referenceBids =
      new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Double, BookLevel> referenceAsks = new TreeMap<>();
  private final L2Book book = new L2Book(4);

  @Test
  void randomUpdatesGiveTheSameBookAsATreeMap() {
    int snapshots = 0;
    int maxLevels = 0;
    for (int op = 0; op < OPERATIONS; op++) {
      if (random.nextInt(5_000) == 0) {
        snapshot();
        snapshots++;
      } else {
        delta();
      }
      maxLevels = Math.max(maxLevels, book.levelCount());
      assertThat(book.levelCount(BookSide.BID)).isEqualTo(referenceBids.size());
      assertThat(book.levelCount(BookSide.ASK)).isEqualTo(referenceAsks.size());
      assertThat(Double.valueOf(book.bestBid())).isEqualTo(best(referenceBids));
      assertThat(Double.valueOf(book.bestAsk())).isEqualTo(best(referenceAsks));
      if (op % 97 == 0) {
        assertSameLevels(BookSide.BID, referenceBids);
        assertSameLevels(BookSide.ASK, referenceAsks);
      }
    }
    assertSameLevels(BookSide.BID, referenceBids);
    assertSameLevels(BookSide.ASK, referenceAsks);
    assertThat(snapshots).as("snapshots taken").isGreaterThan(5);
    assertThat(maxLevels).as("deepest book").isGreaterThan(100);
  }

  private void delta() {
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    int levels = 1 + random.nextInt(4);
    for (int i = 0; i < levels; i++) {
      boolean bid = random.nextBoolean();
      double price = bid ? price(-1) : price(1);
      double size = random.nextInt(3) == 0 ? 0.0 : size();
      BookLevel level = new BookLevel(price, size, orderCount());
      (bid ? bids : asks).add(level);
      put(bid ? referenceBids : referenceAsks, level);
    }
    if (random.nextInt(10) == 0 && bids.size() + asks.size() == 1) {
      BookLevel level = bids.isEmpty() ? asks.get(0) : bids.get(0);
      book.set(
          bids.isEmpty() ? BookSide.ASK : BookSide.BID,
          level.getPrice(),
          level.getSize(),
          level.getOrderCount() == null ? L2Book.NO_ORDER_COUNT : level.getOrderCount());
    } else {
      book.apply(bids, asks);
    }
  }

  private void snapshot() {
    referenceBids.clear();
    referenceAsks.clear();
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (int i = random.nextInt(300); i > 0; i--) {
      boolean bid = random.nextBoolean();
      BookLevel level = new BookLevel(bid ? price(-1) : price(1), size(), orderCount());
      (bid ? bids : asks).add(level);
      put(bid ? referenceBids : referenceAsks, level);
    }
    if (random.nextBoolean()) {
      // As venues send them: best first, one level a price.
      bids = new ArrayList<>(referenceBids.values());
      asks = new ArrayList<>(referenceAsks.values());
    }
    book.reset(bids, asks);
  }

  /** A price on a 0.01 grid around 100, bids mostly below it and asks above. */
  private double price(int direction) {
    double ticks = Math.abs(random.nextGaussian()) * (random.nextInt(20) == 0 ? 2_000 : 30);
    return Math.round(100.0 * 100 + direction * (1 + Math.round(ticks)) - direction * 15) / 100.0;
  }

  private double size() {
    return (1 + random.nextInt(10_000)) / 1_000.0;
  }

  private Integer orderCount() {
    return random.nextInt(4) == 0 ? random.nextInt(50) : null;
  }

  private static void put(NavigableMap<Double, BookLevel> side, BookLevel level) {
    if (level.getSize() == 0.0) {
      side.remove(level.getPrice());
    } else {
      side.put(level.getPrice(), level);
    }
  }

  private static Double best(NavigableMap<Double, BookLevel> side) {
    return side.isEmpty() ? Double.NaN : side.firstKey();
  }

  private void assertSameLevels(BookSide side, NavigableMap<Double, BookLevel> reference) {
    Iterator<Map.Entry<Double, BookLevel>> expected = reference.entrySet().iterator();
    for (int rank = 0; rank < book.levelCount(side); rank++) {
      BookLevel level = expected.next().getValue();
      assertThat(book.price(side, rank)).isEqualTo(level.getPrice());
      assertThat(book.size(side, rank)).isEqualTo(level.getSize());
      assertThat(book.orderCount(side, rank))
          .isEqualTo(level.getOrderCount() == null ? L2Book.NO_ORDER_COUNT : level.getOrderCount());
    }
    assertThat(expected.hasNext()).isFalse();
  }
}
