package org.marketflow.ingest.book;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

/**
 * An L2 order book: price levels of both sides with their sizes, as a venue's snapshots and deltas
 * describe them. A delta's level replaces the level at its price; a size of zero removes it. Prices
 * are the doubles parsed from the venue's decimal strings, so the same string always finds the same
 * level.
 */
public final class OrderBook {

  private final NavigableMap<Double, Double> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Double, Double> asks = new TreeMap<>();

  /** Replaces the whole book. */
  public void reset(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    bids.clear();
    asks.clear();
    apply(bidLevels, askLevels);
  }

  /** Applies the levels of a delta. */
  public void apply(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    set(bids, bidLevels);
    set(asks, askLevels);
  }

  /**
   * Applies a published {@link BookUpdate}: a snapshot replaces the book, a delta changes its
   * levels. A consumer of the book topic rebuilds the handler's book with this alone.
   */
  public void apply(BookUpdate update) {
    if (update.getKind() == BookUpdateKind.SNAPSHOT) {
      reset(update.getBids(), update.getAsks());
    } else {
      apply(update.getBids(), update.getAsks());
    }
  }

  public void clear() {
    bids.clear();
    asks.clear();
  }

  /** The best bid, or {@code null} when the side is empty. */
  public BookLevel bestBid() {
    return level(bids.firstEntry());
  }

  /** The best ask, or {@code null} when the side is empty. */
  public BookLevel bestAsk() {
    return level(asks.firstEntry());
  }

  /** The best {@code n} bids, best first. */
  public List<BookLevel> bids(int n) {
    return top(bids, n);
  }

  /** The best {@code n} asks, best first. */
  public List<BookLevel> asks(int n) {
    return top(asks, n);
  }

  public int depth() {
    return bids.size() + asks.size();
  }

  /** Whether the best bid is at or above the best ask. */
  public boolean isCrossed() {
    return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
  }

  private static void set(NavigableMap<Double, Double> side, List<BookLevel> levels) {
    for (BookLevel level : levels) {
      if (level.getSize() == 0.0) {
        side.remove(level.getPrice());
      } else {
        side.put(level.getPrice(), level.getSize());
      }
    }
  }

  private static List<BookLevel> top(NavigableMap<Double, Double> side, int n) {
    List<BookLevel> levels = new ArrayList<>(Math.min(n, side.size()));
    for (Map.Entry<Double, Double> entry : side.entrySet()) {
      if (levels.size() == n) {
        break;
      }
      levels.add(level(entry));
    }
    return levels;
  }

  private static BookLevel level(Map.Entry<Double, Double> entry) {
    return entry == null ? null : new BookLevel(entry.getKey(), entry.getValue(), null);
  }
}
