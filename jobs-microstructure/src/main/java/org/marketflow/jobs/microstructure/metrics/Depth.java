package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * How much a side of the book holds: within a band of basis points around the mid, or in its best
 * levels; in base units or in quote notional (Σ price × size). A level exactly on the band's edge
 * counts.
 */
public final class Depth {

  private Depth() {}

  /**
   * Base units of {@code side} priced within ±{@code bps} of the mid: bids at or above mid × (1 −
   * bps/10⁴), asks at or below mid × (1 + bps/10⁴). {@code NaN} when the mid is undefined (a side
   * empty, the book crossed).
   */
  public static double withinBps(L2Book book, BookSide side, double bps) {
    return withinBps(book, side, bps, false);
  }

  /** Quote notional (Σ price × size) of {@code side} within ±{@code bps} of the mid. */
  public static double notionalWithinBps(L2Book book, BookSide side, double bps) {
    return withinBps(book, side, bps, true);
  }

  /**
   * Base units in the best {@code levels} levels of {@code side} (all of them when fewer); 0 when
   * empty.
   */
  public static double topLevels(L2Book book, BookSide side, int levels) {
    return topLevels(book, side, levels, false);
  }

  /** Quote notional in the best {@code levels} levels of {@code side}; 0 when empty. */
  public static double topLevelsNotional(L2Book book, BookSide side, int levels) {
    return topLevels(book, side, levels, true);
  }

  private static double withinBps(L2Book book, BookSide side, double bps, boolean notional) {
    double mid = Spreads.mid(book);
    if (Double.isNaN(mid)) {
      return Double.NaN;
    }
    double offset = mid * bps / Spreads.BPS;
    double bid = side == BookSide.BID ? 1.0 : -1.0;
    double limit = bid * (mid - bid * offset);
    double sum = 0.0;
    for (int rank = 0, n = book.levelCount(side); rank < n; rank++) {
      double price = book.price(side, rank);
      if (bid * price < limit) {
        break;
      }
      sum += notional ? price * book.size(side, rank) : book.size(side, rank);
    }
    return sum;
  }

  private static double topLevels(L2Book book, BookSide side, int levels, boolean notional) {
    double sum = 0.0;
    for (int rank = 0, n = Math.min(levels, book.levelCount(side)); rank < n; rank++) {
      double size = book.size(side, rank);
      sum += notional ? book.price(side, rank) * size : size;
    }
    return sum;
  }
}
