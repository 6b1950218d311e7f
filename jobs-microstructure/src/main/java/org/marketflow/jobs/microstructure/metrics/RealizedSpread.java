package org.marketflow.jobs.microstructure.metrics;

import org.marketflow.schemas.avro.Side;

/**
 * The volume-weighted realized spread at a horizon Δ: for each trade, 2 · s · (price − m(t + Δ)) /
 * m(t) × 10⁴ bps ({@link Spreads#realizedBps}), with m(t) the mid just before the trade, m(t + Δ)
 * the mid in force at t + Δ (the last mid set at or before it) and s = +1 for a buyer-initiated
 * trade, −1 for a seller-initiated one. A trade whose venue gives no aggressor side is classified
 * by the quote rule (above the mid a buy, below a sell; at the mid it is left out).
 *
 * <p>A trade's value is known only Δ after it, so trades wait in a bounded queue ({@link
 * #capacity}; when it is full the oldest waiting trade is dropped and counted in {@link #dropped}),
 * whose arrays grow with the trades waiting (36 bytes a trade), so that the state of a quiet
 * instrument stays small. A trade is resolved, and counts in the interval's {@link #bps()} (or in
 * {@link #undefined} when the mid before it or at its horizon was undefined), when the operator
 * reports a later mid ({@link #onMid}) or time ({@link #advanceTo}): the realized spread published
 * for an interval is that of the trades Δ before it. Trades must be added in time order.
 */
public class RealizedSpread extends VolumeWeightedBps {

  /** Room for waiting trades at first; it doubles as needed up to {@link #capacity}. */
  private static final int INITIAL_ROOM = 16;

  /** Δ, microseconds. */
  public long horizonUs;

  /** Most trades waiting for their horizon. */
  public int capacity;

  public long[] pendingTimeUs;
  public double[] pendingPrice;
  public double[] pendingSize;
  public double[] pendingMid;
  public int[] pendingSign;

  /** Index of the oldest waiting trade. */
  public int head;

  /** Trades waiting for their horizon. */
  public int pending;

  /** The mid now in force, {@code NaN} when undefined. */
  public double currentMid = Double.NaN;

  /** Trades left out in this interval because their side was unknown and they traded at the mid. */
  public long unclassified;

  /** Trades dropped in this interval because the queue was full. */
  public long dropped;

  /** For Flink's POJO serializer. */
  public RealizedSpread() {}

  /** A realized spread at {@code horizonUs} with at most {@code capacity} trades waiting. */
  public RealizedSpread(long horizonUs, int capacity) {
    if (horizonUs < 0) {
      throw new IllegalArgumentException("horizon " + horizonUs + " us is negative");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity + " is not >= 1");
    }
    this.horizonUs = horizonUs;
    this.capacity = capacity;
    resize(Math.min(capacity, INITIAL_ROOM));
  }

  /**
   * The book's mid changed at {@code timeUs} ({@code NaN} when it became undefined): the trades
   * whose horizon ended before {@code timeUs} are resolved at the mid in force until now, then
   * {@code mid} is in force.
   */
  public void onMid(long timeUs, double mid) {
    resolve(timeUs, false);
    currentMid = mid;
  }

  /**
   * Event time has reached {@code timeUs} and no mid at or before it is still to come: the trades
   * whose horizon ended at or before it are resolved at the mid in force.
   */
  public void advanceTo(long timeUs) {
    resolve(timeUs, true);
  }

  /**
   * Adds a trade at {@code timeUs} of {@code size} base units at {@code price}, with the aggressor
   * {@code side} and {@code mid} the mid just before it.
   */
  public void addTrade(long timeUs, double price, double size, Side side, double mid) {
    if (!(mid > 0.0)) {
      undefined++;
      return;
    }
    int sign = sign(side, price, mid);
    if (sign == 0) {
      unclassified++;
      return;
    }
    if (pending == pendingTimeUs.length && pending < capacity) {
      resize((int) Math.min(capacity, 2L * pending));
    }
    if (pending == capacity) {
      head = (head + 1) % capacity;
      pending--;
      dropped++;
    }
    int at = (head + pending) % pendingTimeUs.length;
    pendingTimeUs[at] = timeUs;
    pendingPrice[at] = price;
    pendingSize[at] = size;
    pendingMid[at] = mid;
    pendingSign[at] = sign;
    pending++;
  }

  /** Starts the next interval; trades still waiting stay. */
  @Override
  public void reset() {
    super.reset();
    unclassified = 0;
    dropped = 0;
  }

  /**
   * +1 for a buyer-initiated trade, −1 for a seller-initiated one; for an unknown side the quote
   * rule: +1 above the mid, −1 below it, 0 at it.
   */
  public static int sign(Side side, double price, double mid) {
    if (side == Side.BUY) {
      return 1;
    }
    if (side == Side.SELL) {
      return -1;
    }
    return price > mid ? 1 : price < mid ? -1 : 0;
  }

  private void resolve(long timeUs, boolean inclusive) {
    while (pending > 0) {
      long horizonEnd = pendingTimeUs[head] + horizonUs;
      if (horizonEnd > timeUs || (!inclusive && horizonEnd == timeUs)) {
        return;
      }
      addValue(
          Spreads.realizedBps(pendingSign[head], pendingPrice[head], pendingMid[head], currentMid),
          pendingSize[head]);
      head = (head + 1) % pendingTimeUs.length;
      pending--;
    }
  }

  /** Moves the waiting trades, oldest first, into arrays of {@code room}. */
  private void resize(int room) {
    long[] times = new long[room];
    double[] prices = new double[room];
    double[] sizes = new double[room];
    double[] mids = new double[room];
    int[] signs = new int[room];
    for (int i = 0; i < pending; i++) {
      int from = (head + i) % pendingTimeUs.length;
      times[i] = pendingTimeUs[from];
      prices[i] = pendingPrice[from];
      sizes[i] = pendingSize[from];
      mids[i] = pendingMid[from];
      signs[i] = pendingSign[from];
    }
    pendingTimeUs = times;
    pendingPrice = prices;
    pendingSize = sizes;
    pendingMid = mids;
    pendingSign = signs;
    head = 0;
  }
}
