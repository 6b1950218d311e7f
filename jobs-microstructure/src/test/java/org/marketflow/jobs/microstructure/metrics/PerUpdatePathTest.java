package org.marketflow.jobs.microstructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.book.BookLevels;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Side;

/**
 * What runs at every book update and trade — applying the delta, the mid, the realized spread's
 * horizon, the sweep watch, the effective spread, VPIN, the book formulas — allocates nothing once
 * its arrays have grown.
 */
class PerUpdatePathTest {

  @Test
  void allocatesNothingPerUpdate() {
    Random random = new Random(1L);
    // The levels as the book operator applies them, decoded into arrays.
    List<BookLevels> deltas = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      int ticks = (int) Math.abs(random.nextGaussian() * 10);
      double size = random.nextInt(4) == 0 ? 0.0 : 1 + random.nextInt(10);
      deltas.add(BookLevels.of(List.of(new BookLevel((10_000 - ticks) / 100.0, size, null))));
      deltas.add(BookLevels.of(List.of(new BookLevel((10_001 + ticks) / 100.0, size, null))));
    }
    L2Book book = new L2Book();
    MicrostructureParams params = MicrostructureParams.DEFAULTS;
    RealizedSpread realized = params.newRealizedSpread();
    EffectiveSpread effective = params.newEffectiveSpread();
    Resilience resilience = params.newResilience();
    Vpin vpin = new Vpin(5.0, 50, 0, 0);
    BookLevels none = new BookLevels();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    double checksum = 0;
    long allocated = 0;
    for (int round = 0; round < 2; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 200_000; i++) {
        long timeUs = (round * 200_000L + i) * 10_000L;
        BookLevels delta = deltas.get(i % deltas.size());
        boolean bid = i % 2 == 0;
        book.apply(bid ? delta : none, bid ? none : delta);
        double mid = Spreads.mid(book);
        realized.onMid(timeUs, mid);
        resilience.onBook(timeUs, book);
        if (i % 7 == 0) {
          double price = Double.isNaN(mid) ? 100.0 : mid + 0.005;
          effective.add(price, 0.5, mid);
          realized.addTrade(timeUs + 1, price, 0.5, Side.BUY, mid);
          vpin.addTrade(timeUs + 1, price, 0.5, Side.UNKNOWN);
        }
        checksum +=
            Spreads.quotedBps(book)
                + Depth.withinBps(book, BookSide.BID, 10)
                + Imbalance.topLevels(book, 10)
                + Imbalance.microprice(book);
      }
      allocated = threads.getCurrentThreadAllocatedBytes() - before;
    }

    assertThat(checksum).isNotZero();
    assertThat(resilience.bids.count).isPositive();
    assertThat(allocated).as("bytes allocated by 200,000 updates, once warm").isLessThan(1_024);
  }
}
