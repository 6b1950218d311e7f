package org.marketflow.jobs.microstructure.book;

import java.util.ArrayList;
import java.util.List;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

/**
 * An instrument's L2 order book, as a venue's {@link BookUpdate}s describe it: a snapshot replaces
 * the book, a delta's level replaces the level at its price, and a size of zero removes the level.
 * It holds every level the venue sends, on both sides, in sorted primitive arrays (price, size,
 * order count or {@link #NO_ORDER_COUNT}) rather than a map of boxed numbers: compact to checkpoint
 * ({@code state.L2BookSerializer} writes 16 bytes a level), a level found in O(log n), and an
 * insert or removal shifting only the levels between it and the best price, which is where most
 * updates land. Reading the book allocates nothing except {@link #levels}.
 *
 * <p>Levels are addressed by side and rank, rank 0 being the best (highest bid, lowest ask). Prices
 * are the doubles parsed from the venue's decimal strings, so the same string always finds the same
 * level, as in the feed handlers' {@code OrderBook}; a consumer that applies a feed's updates holds
 * the book the feed holds.
 *
 * <p>Not thread-safe; one instance per instrument, held in Flink keyed state.
 */
public final class L2Book {

  /** The order count of a level whose venue does not say how many orders it holds. */
  public static final int NO_ORDER_COUNT = -1;

  private static final int DEFAULT_CAPACITY = 64;

  private final Ladder bids;
  private final Ladder asks;

  /** An empty book. */
  public L2Book() {
    this(DEFAULT_CAPACITY);
  }

  /** An empty book with room for {@code levelsPerSide} levels on each side before it grows. */
  public L2Book(int levelsPerSide) {
    bids = new Ladder(BookSide.BID, levelsPerSide);
    asks = new Ladder(BookSide.ASK, levelsPerSide);
  }

  /** Applies a published update: a snapshot replaces the book, a delta changes its levels. */
  public void apply(BookUpdate update) {
    if (update.getKind() == BookUpdateKind.SNAPSHOT) {
      reset(update.getBids(), update.getAsks());
    } else {
      apply(update.getBids(), update.getAsks());
    }
  }

  /** {@link #reset(BookLevels, BookLevels)} with the data contract's levels. */
  public void reset(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    reset(BookLevels.of(bidLevels), BookLevels.of(askLevels));
  }

  /** {@link #apply(BookLevels, BookLevels)} with the data contract's levels. */
  public void apply(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
    apply(BookLevels.of(bidLevels), BookLevels.of(askLevels));
  }

  /**
   * Replaces the whole book with a snapshot's levels. Levels listed best first, as venues send
   * them, are loaded by appending; any other order is accepted too, at the cost of an insert each.
   *
   * @throws IllegalArgumentException when a level is invalid (see {@link #apply(BookLevels,
   *     BookLevels)}); the book is then left as it was
   */
  public void reset(BookLevels bidLevels, BookLevels askLevels) {
    check(BookSide.BID, bidLevels);
    check(BookSide.ASK, askLevels);
    load(bids, BookSide.BID, bidLevels);
    load(asks, BookSide.ASK, askLevels);
  }

  /**
   * Applies a delta's levels in order: each replaces the level at its price, a size of zero removes
   * it (and is ignored when the price has no level).
   *
   * @throws IllegalArgumentException when a price is not finite, a size is negative or not finite,
   *     or an order count is negative or not an {@code int}; the book is then left as it was
   */
  public void apply(BookLevels bidLevels, BookLevels askLevels) {
    check(BookSide.BID, bidLevels);
    check(BookSide.ASK, askLevels);
    setAll(bids, bidLevels);
    setAll(asks, askLevels);
  }

  /**
   * Sets one level; a size of zero removes it. The arguments are not checked: {@link
   * #apply(BookLevels, BookLevels)} is the checked way in.
   */
  public void set(BookSide side, double price, double size, int orderCount) {
    ladder(side).set(price, size, orderCount);
  }

  /**
   * Adds a level strictly better than every level of its side, in O(1): the way to load a book
   * level by level from the worst price to the best (restoring a checkpoint, for one).
   *
   * @throws IllegalArgumentException when the price is not finite or not strictly better than the
   *     side's best, or the size is not positive
   */
  public void pushBest(BookSide side, double price, double size, int orderCount) {
    Ladder ladder = ladder(side);
    if (!Double.isFinite(price)) {
      throw new IllegalArgumentException(side + " price " + price + " is not finite");
    }
    if (!ladder.isBetterThanBest(price)) {
      throw new IllegalArgumentException(
          side
              + " "
              + price
              + " is not better than the best "
              + side
              + " "
              + ladder.price(0)
              + ": levels are pushed from the worst to the best");
    }
    if (!(size > 0.0)) {
      throw new IllegalArgumentException(side + " " + price + ": size " + size + " is not > 0");
    }
    ladder.pushBest(price, size, orderCount);
  }

  /** Makes room for {@code levels} levels on {@code side} before it grows again. */
  public void ensureCapacity(BookSide side, int levels) {
    ladder(side).ensureCapacity(levels);
  }

  /** Empties both sides, keeping the arrays. */
  public void clear() {
    bids.clear();
    asks.clear();
  }

  /**
   * Makes this book a copy of {@code other}, reusing this book's arrays where they are big enough.
   */
  public void copyFrom(L2Book other) {
    bids.copyFrom(other.bids);
    asks.copyFrom(other.asks);
  }

  /** A copy of this book that shares nothing with it. */
  public L2Book copy() {
    L2Book copy = new L2Book(Math.max(bids.count(), asks.count()));
    copy.copyFrom(this);
    return copy;
  }

  /** How many levels {@code side} has. */
  public int levelCount(BookSide side) {
    return ladder(side).count();
  }

  /** How many levels both sides have together. */
  public int levelCount() {
    return bids.count() + asks.count();
  }

  public boolean isEmpty(BookSide side) {
    return ladder(side).count() == 0;
  }

  /**
   * The price of the {@code rank}-th best level of {@code side}, 0 being the best.
   *
   * @throws IndexOutOfBoundsException when {@code rank} is not below {@link #levelCount(BookSide)}
   */
  public double price(BookSide side, int rank) {
    return ladder(side).price(rank);
  }

  /** The size of the {@code rank}-th best level of {@code side}, in base units. */
  public double size(BookSide side, int rank) {
    return ladder(side).size(rank);
  }

  /** The order count of the {@code rank}-th best level, or {@link #NO_ORDER_COUNT}. */
  public int orderCount(BookSide side, int rank) {
    return ladder(side).orderCount(rank);
  }

  /** The best price of {@code side}, or {@code NaN} when the side is empty. */
  public double bestPrice(BookSide side) {
    Ladder ladder = ladder(side);
    return ladder.count() == 0 ? Double.NaN : ladder.price(0);
  }

  /** The size at the best price of {@code side}, or {@code NaN} when the side is empty. */
  public double bestSize(BookSide side) {
    Ladder ladder = ladder(side);
    return ladder.count() == 0 ? Double.NaN : ladder.size(0);
  }

  /** The best bid, or {@code NaN} when there is no bid. */
  public double bestBid() {
    return bestPrice(BookSide.BID);
  }

  /** The best ask, or {@code NaN} when there is no ask. */
  public double bestAsk() {
    return bestPrice(BookSide.ASK);
  }

  public double bestBidSize() {
    return bestSize(BookSide.BID);
  }

  public double bestAskSize() {
    return bestSize(BookSide.ASK);
  }

  /**
   * The best {@code n} levels of {@code side} (fewer when it has fewer), best first, as the data
   * contract's levels ({@code orderCount} null where the venue gave none). Allocates: for
   * publishing a top-N snapshot, not for the per-update path.
   */
  public List<BookLevel> levels(BookSide side, int n) {
    Ladder ladder = ladder(side);
    int size = Math.min(Math.max(n, 0), ladder.count());
    List<BookLevel> levels = new ArrayList<>(size);
    for (int rank = 0; rank < size; rank++) {
      int orderCount = ladder.orderCount(rank);
      levels.add(
          new BookLevel(
              ladder.price(rank),
              ladder.size(rank),
              orderCount == NO_ORDER_COUNT ? null : orderCount));
    }
    return levels;
  }

  /**
   * Whether the best bid is at or above the best ask. A single venue's book cannot rest that way
   * (the orders would have matched), so a crossed or locked book is a book out of step with the
   * venue; metrics that need a mid are undefined on it.
   */
  public boolean isCrossed() {
    return bids.count() > 0 && asks.count() > 0 && bids.price(0) >= asks.price(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof L2Book other && bids.sameLevels(other.bids) && asks.sameLevels(other.asks);
  }

  @Override
  public int hashCode() {
    return 31 * bids.levelsHash() + asks.levelsHash();
  }

  @Override
  public String toString() {
    return "L2Book{"
        + bids.count()
        + " bids, best "
        + bestBid()
        + " x "
        + bestBidSize()
        + "; "
        + asks.count()
        + " asks, best "
        + bestAsk()
        + " x "
        + bestAskSize()
        + "}";
  }

  private Ladder ladder(BookSide side) {
    return side == BookSide.BID ? bids : asks;
  }

  private static void setAll(Ladder ladder, BookLevels levels) {
    for (int i = 0, n = levels.count(); i < n; i++) {
      ladder.set(levels.price(i), levels.size(i), orderCount(levels.orderCount(i)));
    }
  }

  private static void load(Ladder ladder, BookSide side, BookLevels levels) {
    ladder.clear();
    if (!bestFirstAndPositive(side, levels)) {
      setAll(ladder, levels);
      return;
    }
    ladder.ensureCapacity(levels.count());
    for (int i = levels.count() - 1; i >= 0; i--) {
      ladder.pushBest(levels.price(i), levels.size(i), orderCount(levels.orderCount(i)));
    }
  }

  /** Whether every level is strictly worse than the one before it and has a size. */
  private static boolean bestFirstAndPositive(BookSide side, BookLevels levels) {
    double sign = side == BookSide.BID ? 1.0 : -1.0;
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0, n = levels.count(); i < n; i++) {
      double key = sign * levels.price(i);
      if (!(key < previous) || levels.size(i) == 0.0) {
        return false;
      }
      previous = key;
    }
    return true;
  }

  /** A checked level's order count as the ladder keeps it. */
  private static int orderCount(long count) {
    return count == BookLevels.NO_ORDER_COUNT ? NO_ORDER_COUNT : (int) count;
  }

  private static void check(BookSide side, BookLevels levels) {
    for (int i = 0, n = levels.count(); i < n; i++) {
      double price = levels.price(i);
      double size = levels.size(i);
      long count = levels.orderCount(i);
      if (!Double.isFinite(price)) {
        throw invalid(side, i, "price " + price + " is not finite");
      }
      if (!Double.isFinite(size) || size < 0.0) {
        throw invalid(side, i, "size " + size + " is not a finite number >= 0");
      }
      if (count != BookLevels.NO_ORDER_COUNT) {
        if (count < 0) {
          throw invalid(side, i, "order count " + count + " is negative");
        }
        if (count > Integer.MAX_VALUE) {
          throw invalid(side, i, "order count " + count + " is not an int");
        }
      }
    }
  }

  private static IllegalArgumentException invalid(BookSide side, int index, String what) {
    return new IllegalArgumentException(side + " level " + index + ": " + what);
  }
}
