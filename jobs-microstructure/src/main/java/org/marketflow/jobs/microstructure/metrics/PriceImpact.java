package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * The cost of trading a standard notional at once against the book: a buy walks the asks from the
 * best up, a sell walks the bids from the best down, each taking levels until the notional (quote
 * units) is spent. Impact is the walk's VWAP against the mid, in basis points, positive for a cost:
 * (VWAP − mid) / mid × 10⁴ for a buy, (mid − VWAP) / mid × 10⁴ for a sell.
 */
public final class PriceImpact {

  private PriceImpact() {}

  /**
   * One walk. {@code bps} is {@code NaN} when the side could not fill the notional ({@link
   * #filled()} false, {@link #filledFraction()} says how much it could) or when the mid is
   * undefined (a side empty, the book crossed); the VWAP is of what was filled ({@code NaN} when
   * nothing was).
   *
   * @param notional the quote notional asked for
   * @param filledNotional the quote notional the side could fill, at most {@code notional}
   * @param filledBase the base units bought or sold
   * @param vwap filledNotional / filledBase
   * @param bps the impact in basis points of the mid
   */
  public record Walk(
      double notional, double filledNotional, double filledBase, double vwap, double bps) {

    /** filledNotional / notional, from 0 to 1. */
    public double filledFraction() {
      return filledNotional / notional;
    }

    /** Whether the side held the whole notional. */
    public boolean filled() {
      return filledNotional == notional;
    }
  }

  /** Buying {@code notional} quote units by walking the asks. */
  public static Walk buy(L2Book book, double notional) {
    return walk(book, BookSide.ASK, notional);
  }

  /** Selling {@code notional} quote units' worth by walking the bids. */
  public static Walk sell(L2Book book, double notional) {
    return walk(book, BookSide.BID, notional);
  }

  private static Walk walk(L2Book book, BookSide side, double notional) {
    if (!(notional > 0.0) || Double.isInfinite(notional)) {
      throw new IllegalArgumentException("notional " + notional + " is not a positive number");
    }
    double remaining = notional;
    double base = 0.0;
    for (int rank = 0, n = book.levelCount(side); rank < n && remaining > 0.0; rank++) {
      double price = book.price(side, rank);
      double levelNotional = price * book.size(side, rank);
      if (levelNotional >= remaining) {
        base += remaining / price;
        remaining = 0.0;
      } else {
        base += book.size(side, rank);
        remaining -= levelNotional;
      }
    }
    double filled = remaining == 0.0 ? notional : notional - remaining;
    double vwap = base > 0.0 ? filled / base : Double.NaN;
    double mid = Spreads.mid(book);
    double bps = Double.NaN;
    if (remaining == 0.0 && mid > 0.0) {
      bps = (side == BookSide.ASK ? vwap - mid : mid - vwap) / mid * Spreads.BPS;
    }
    return new Walk(notional, filled, base, vwap, bps);
  }
}
