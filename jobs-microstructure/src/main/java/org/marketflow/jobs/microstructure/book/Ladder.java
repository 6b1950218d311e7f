package org.marketflow.jobs.microstructure.book;

import java.util.Arrays;

/**
 * One side of an {@link L2Book}: its levels in three parallel arrays, kept <em>worst level first,
 * best level last</em>. Most updates change the levels near the best price, so an insert or a
 * removal there shifts only the few levels between it and the end of the arrays, and the best level
 * is read at {@code count - 1}. A level is found by binary search over the prices, which ascend for
 * the bids and descend for the asks; {@link #sign} turns both into one ascending key.
 */
final class Ladder {

  private static final int MIN_CAPACITY = 16;

  /** {@code +1} for the bids (ascending prices), {@code -1} for the asks (descending). */
  private final double sign;

  private double[] prices;
  private double[] sizes;
  private int[] orderCounts;
  private int count;

  Ladder(BookSide side, int capacity) {
    this.sign = side == BookSide.BID ? 1.0 : -1.0;
    int initial = Math.max(MIN_CAPACITY, capacity);
    prices = new double[initial];
    sizes = new double[initial];
    orderCounts = new int[initial];
  }

  int count() {
    return count;
  }

  void clear() {
    count = 0;
  }

  /** The price of the {@code rank}-th best level (0 = best). */
  double price(int rank) {
    return prices[index(rank)];
  }

  double size(int rank) {
    return sizes[index(rank)];
  }

  int orderCount(int rank) {
    return orderCounts[index(rank)];
  }

  /** Sets the level at {@code price}; a size of zero removes it. */
  void set(double price, double size, int orderCount) {
    int at = find(price);
    if (size == 0.0) {
      if (at >= 0) {
        remove(at);
      }
    } else if (at >= 0) {
      sizes[at] = size;
      orderCounts[at] = orderCount;
    } else {
      insert(-at - 1, price, size, orderCount);
    }
  }

  /** Whether {@code price} is strictly better than the best level (true on an empty side). */
  boolean isBetterThanBest(double price) {
    return count == 0 || sign * price > sign * prices[count - 1];
  }

  /** Adds a level better than every other: {@link #isBetterThanBest} must hold. */
  void pushBest(double price, double size, int orderCount) {
    ensureCapacity(count + 1);
    prices[count] = price;
    sizes[count] = size;
    orderCounts[count] = orderCount;
    count++;
  }

  void ensureCapacity(int needed) {
    if (needed > prices.length) {
      int capacity = Math.max(needed, prices.length + (prices.length >> 1));
      prices = Arrays.copyOf(prices, capacity);
      sizes = Arrays.copyOf(sizes, capacity);
      orderCounts = Arrays.copyOf(orderCounts, capacity);
    }
  }

  void copyFrom(Ladder other) {
    ensureCapacity(other.count);
    System.arraycopy(other.prices, 0, prices, 0, other.count);
    System.arraycopy(other.sizes, 0, sizes, 0, other.count);
    System.arraycopy(other.orderCounts, 0, orderCounts, 0, other.count);
    count = other.count;
  }

  boolean sameLevels(Ladder other) {
    return count == other.count
        && Arrays.equals(prices, 0, count, other.prices, 0, count)
        && Arrays.equals(sizes, 0, count, other.sizes, 0, count)
        && Arrays.equals(orderCounts, 0, count, other.orderCounts, 0, count);
  }

  int levelsHash() {
    int hash = count;
    for (int i = 0; i < count; i++) {
      hash = 31 * hash + Double.hashCode(prices[i]);
      hash = 31 * hash + Double.hashCode(sizes[i]);
      hash = 31 * hash + orderCounts[i];
    }
    return hash;
  }

  private int index(int rank) {
    if (rank < 0 || rank >= count) {
      throw new IndexOutOfBoundsException("level " + rank + " of " + count);
    }
    return count - 1 - rank;
  }

  /** The index of {@code price}, or {@code -(insertion point) - 1} when it has no level. */
  private int find(double price) {
    double key = sign * price;
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      double value = sign * prices[middle];
      if (value < key) {
        low = middle + 1;
      } else if (value > key) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  private void insert(int at, double price, double size, int orderCount) {
    ensureCapacity(count + 1);
    int tail = count - at;
    if (tail > 0) {
      System.arraycopy(prices, at, prices, at + 1, tail);
      System.arraycopy(sizes, at, sizes, at + 1, tail);
      System.arraycopy(orderCounts, at, orderCounts, at + 1, tail);
    }
    prices[at] = price;
    sizes[at] = size;
    orderCounts[at] = orderCount;
    count++;
  }

  private void remove(int at) {
    int tail = count - at - 1;
    if (tail > 0) {
      System.arraycopy(prices, at + 1, prices, at, tail);
      System.arraycopy(sizes, at + 1, sizes, at, tail);
      System.arraycopy(orderCounts, at + 1, orderCounts, at, tail);
    }
    count--;
  }
}
