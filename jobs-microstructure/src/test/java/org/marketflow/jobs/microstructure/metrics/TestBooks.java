package org.marketflow.jobs.microstructure.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.schemas.avro.BookLevel;

/** Books for the formula tests, and their levels as plain lists for the reference loops. */
final class TestBooks {

  private TestBooks() {}

  static BookLevel level(double price, double size) {
    return new BookLevel(price, size, null);
  }

  static L2Book book(List<BookLevel> bids, List<BookLevel> asks) {
    L2Book book = new L2Book();
    book.reset(bids, asks);
    return book;
  }

  /**
   * {@code count} levels best first, one tick apart from {@code best} downwards (bids, {@code
   * direction} −1) or upwards (asks, +1), with gaps and random sizes.
   */
  static List<BookLevel> side(Random random, double best, double tick, int direction, int count) {
    List<BookLevel> levels = new ArrayList<>();
    long ticks = 0;
    for (int i = 0; i < count; i++) {
      double price = Math.round((best + direction * ticks * tick) / tick) * tick;
      levels.add(level(price, (1 + random.nextInt(5_000)) / 1_000.0));
      ticks += 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
    }
    return levels;
  }
}
