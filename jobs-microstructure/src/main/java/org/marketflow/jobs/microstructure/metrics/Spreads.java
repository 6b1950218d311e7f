package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.jobs.microstructure.book.L2Book;

/**
 * The mid price and the quoted, effective and realized spreads, in basis points of the mid.
 * Undefined ({@code NaN}) when a side of the book is empty, when the book is crossed or locked
 * (best bid at or above best ask: a single venue's book out of step, see {@link
 * L2Book#isCrossed()}), or when the mid is not positive.
 */
public final class Spreads {

  /** Basis points in one. */
  public static final double BPS = 10_000.0;

  private Spreads() {}

  /** (best bid + best ask) / 2, or {@code NaN} when a side is empty or the book is crossed. */
  public static double mid(L2Book book) {
    return mid(book.bestBid(), book.bestAsk());
  }

  /** (bid + ask) / 2, or {@code NaN} when either is {@code NaN} or {@code bid >= ask}. */
  public static double mid(double bid, double ask) {
    return bid < ask ? (bid + ask) / 2.0 : Double.NaN;
  }

  /** Quoted spread: (ask − bid) / mid × 10⁴ bps, at the book's best prices. */
  public static double quotedBps(L2Book book) {
    return quotedBps(book.bestBid(), book.bestAsk());
  }

  /** Quoted spread: (ask − bid) / mid × 10⁴ bps; {@code NaN} when undefined. */
  public static double quotedBps(double bid, double ask) {
    double mid = mid(bid, ask);
    return mid > 0.0 ? (ask - bid) / mid * BPS : Double.NaN;
  }

  /**
   * Effective spread of one trade: 2 · |price − mid| / mid × 10⁴ bps, with {@code mid} the mid just
   * before the trade.
   */
  public static double effectiveBps(double price, double mid) {
    return mid > 0.0 ? 2.0 * Math.abs(price - mid) / mid * BPS : Double.NaN;
  }

  /**
   * Realized spread of one trade: 2 · sign · (price − mid later) / mid × 10⁴ bps, with {@code sign}
   * +1 for a buyer-initiated trade and −1 for a seller-initiated one, {@code mid} the mid just
   * before the trade and {@code midLater} the mid a horizon after it.
   */
  public static double realizedBps(int sign, double price, double mid, double midLater) {
    return mid > 0.0 ? 2.0 * sign * (price - midLater) / mid * BPS : Double.NaN;
  }
}
