package org.marketflow.jobs.microstructure.book;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.marketflow.schemas.avro.BookLevel;

/**
 * One side's levels of a book update as the update lists them, in parallel primitive arrays: what
 * {@link L2Book} applies. The book operator decodes each update into the same two instances ({@code
 * records.DecodedBookUpdate}), so that applying an update allocates no level objects and boxes no
 * order counts; {@link #of} turns the data contract's levels into them where objects are at hand.
 *
 * <p>An order count is kept as a {@code long} so that an absent one ({@link #NO_ORDER_COUNT}, the
 * contract's null) stays apart from every {@code int} a venue may send, negative ones included,
 * which {@link L2Book} rejects.
 */
public final class BookLevels {

  /** The order count of a level that has none. */
  public static final long NO_ORDER_COUNT = Long.MIN_VALUE;

  private static final int INITIAL_CAPACITY = 16;

  private double[] prices;
  private double[] sizes;
  private long[] orderCounts;
  private int count;

  /** No levels yet. */
  public BookLevels() {
    this(INITIAL_CAPACITY);
  }

  private BookLevels(int capacity) {
    prices = new double[capacity];
    sizes = new double[capacity];
    orderCounts = new long[capacity];
  }

  /** The contract's {@code levels}, in their order. */
  public static BookLevels of(List<BookLevel> levels) {
    BookLevels copy = new BookLevels(Math.max(INITIAL_CAPACITY, levels.size()));
    for (BookLevel level : levels) {
      Integer orderCount = level.getOrderCount();
      copy.add(level.getPrice(), level.getSize(), orderCount == null ? NO_ORDER_COUNT : orderCount);
    }
    return copy;
  }

  /** How many levels there are. */
  public int count() {
    return count;
  }

  public double price(int i) {
    return prices[Objects.checkIndex(i, count)];
  }

  /** The {@code i}-th level's size in base units; 0 in a delta removes the level. */
  public double size(int i) {
    return sizes[Objects.checkIndex(i, count)];
  }

  /** The {@code i}-th level's order count, or {@link #NO_ORDER_COUNT}. */
  public long orderCount(int i) {
    return orderCounts[Objects.checkIndex(i, count)];
  }

  /** Removes every level, keeping the arrays. */
  public void clear() {
    count = 0;
  }

  /** Adds a level after the others. */
  public void add(double price, double size, long orderCount) {
    if (count == prices.length) {
      int capacity = prices.length + (prices.length >> 1);
      prices = Arrays.copyOf(prices, capacity);
      sizes = Arrays.copyOf(sizes, capacity);
      orderCounts = Arrays.copyOf(orderCounts, capacity);
    }
    prices[count] = price;
    sizes[count] = size;
    orderCounts[count] = orderCount;
    count++;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : ", ").append(prices[i]).append(" x ").append(sizes[i]);
      if (orderCounts[i] != NO_ORDER_COUNT) {
        text.append(" (").append(orderCounts[i]).append(')');
      }
    }
    return text.append(']').toString();
  }
}
