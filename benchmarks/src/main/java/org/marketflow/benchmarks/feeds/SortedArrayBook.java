package org.marketflow.benchmarks.feeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketflow.schemas.avro.BookLevel;

/**
 * The alternative to {@code OrderBook}'s two {@code TreeMap<Double, Double>}s that the book
 * benchmark measures: each side a sorted pair of {@code double[]}s, prices and sizes, found by
 * binary search, with the best level at the end so that the changes near the top of the book, the
 * most frequent, move few elements. Same semantics: a level replaces the level at its price, a size
 * of zero removes it.
 */
public final class SortedArrayBook {

  private final Side bids = new Side(true);
  private final Side asks = new Side(false);

  /** Replaces the whole book. */
  public void reset(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    bids.clear();
    asks.clear();
    apply(bidLevels, askLevels);
  }

  /** Applies the levels of a delta. */
  public void apply(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    bids.set(bidLevels);
    asks.set(askLevels);
  }

  /** The best {@code n} bids, best first. */
  public List<BookLevel> bids(int n) {
    return bids.top(n);
  }

  /** The best {@code n} asks, best first. */
  public List<BookLevel> asks(int n) {
    return asks.top(n);
  }

  public int depth() {
    return bids.size + asks.size;
  }

  /**
   * One side. Keys are ascending: the price for bids, minus the price for asks, so the best level
   * is always the last.
   */
  private static final class Side {
    private final boolean bid;
    private double[] keys = new double[256];
    private double[] sizes = new double[256];
    private int size;

    Side(boolean bid) {
      this.bid = bid;
    }

    void clear() {
      size = 0;
    }

    void set(List<BookLevel> levels) {
      for (int l = 0, n = levels.size(); l < n; l++) {
        BookLevel level = levels.get(l);
        set(bid ? level.getPrice() : -level.getPrice(), level.getSize());
      }
    }

    private void set(double key, double levelSize) {
      int i = Arrays.binarySearch(keys, 0, size, key);
      if (i >= 0) {
        if (levelSize == 0.0) {
          System.arraycopy(keys, i + 1, keys, i, size - i - 1);
          System.arraycopy(sizes, i + 1, sizes, i, size - i - 1);
          size--;
        } else {
          sizes[i] = levelSize;
        }
      } else if (levelSize != 0.0) {
        int at = -i - 1;
        if (size == keys.length) {
          keys = Arrays.copyOf(keys, size * 2);
          sizes = Arrays.copyOf(sizes, size * 2);
        }
        System.arraycopy(keys, at, keys, at + 1, size - at);
        System.arraycopy(sizes, at, sizes, at + 1, size - at);
        keys[at] = key;
        sizes[at] = levelSize;
        size++;
      }
    }

    List<BookLevel> top(int n) {
      List<BookLevel> levels = new ArrayList<>(Math.min(n, size));
      for (int i = size - 1; i >= 0 && levels.size() < n; i--) {
        levels.add(new BookLevel(bid ? keys[i] : -keys[i], sizes[i], null));
      }
      return levels;
    }
  }
}
