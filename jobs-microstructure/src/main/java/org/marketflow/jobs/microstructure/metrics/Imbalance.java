package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;

/** The balance of the book between buyers and sellers, and the mid it suggests. */
public final class Imbalance {

  private Imbalance() {}

  /**
   * Order-book imbalance over the best {@code levels} levels of each side, in base units: (bid
   * depth − ask depth) / (bid depth + ask depth), from −1 (only asks) to +1 (only bids). {@code
   * NaN} when both sides are empty. Defined on a crossed book too: it reads sizes, not a mid.
   */
  public static double topLevels(L2Book book, int levels) {
    double bids = Depth.topLevels(book, BookSide.BID, levels);
    double asks = Depth.topLevels(book, BookSide.ASK, levels);
    double total = bids + asks;
    return total > 0.0 ? (bids - asks) / total : Double.NaN;
  }

  /**
   * Microprice: the mid weighted towards the side with less size at the best price, (ask · bid size
   * + bid · ask size) / (bid size + ask size). {@code NaN} when a side is empty or the book is
   * crossed.
   */
  public static double microprice(L2Book book) {
    double bid = book.bestBid();
    double ask = book.bestAsk();
    if (!(bid < ask)) {
      return Double.NaN;
    }
    double bidSize = book.bestBidSize();
    double askSize = book.bestAskSize();
    return (ask * bidSize + bid * askSize) / (bidSize + askSize);
  }
}
