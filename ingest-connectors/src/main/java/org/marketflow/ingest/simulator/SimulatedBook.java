package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An L2 book counted in whole ticks and lots, with the number of orders resting at each level. It
 * notes every level it changes, so that what changed since the last {@link #takeChanges()} can be
 * published as one delta that turns the previous book into this one.
 */
final class SimulatedBook {

  /** A price level: its size in lots and how many orders make it up. */
  record Level(long lots, int orders) {
    Level {
      if (lots < 1 || orders < 1) {
        throw new IllegalArgumentException("a level holds at least one lot and one order");
      }
    }
  }

  /** A level as it is after a change; {@code lots == 0}: the level is gone. */
  record Change(BookSide side, long ticks, long lots, int orders) {}

  /** Part of a market order, filled at one level. */
  record Fill(long ticks, long lots) {}

  private final NavigableMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<Long, Level> asks = new TreeMap<>();
  private final Map<Long, Change> bidChanges = new LinkedHashMap<>();
  private final Map<Long, Change> askChanges = new LinkedHashMap<>();

  /** The levels of {@code side}, best first; read only. */
  NavigableMap<Long, Level> levels(BookSide side) {
    return Collections.unmodifiableNavigableMap(map(side));
  }

  /** The level at {@code ticks}, or {@code null}. */
  Level level(BookSide side, long ticks) {
    return map(side).get(ticks);
  }

  /** The best price of {@code side}, or {@code null} when it is empty. */
  Long best(BookSide side) {
    NavigableMap<Long, Level> levels = map(side);
    return levels.isEmpty() ? null : levels.firstKey();
  }

  long totalLots(BookSide side) {
    long total = 0;
    for (Level level : map(side).values()) {
      total += level.lots();
    }
    return total;
  }

  void put(BookSide side, long ticks, Level level) {
    if (level.equals(map(side).put(ticks, level))) {
      return;
    }
    note(side, ticks, level.lots(), level.orders());
  }

  void remove(BookSide side, long ticks) {
    if (map(side).remove(ticks) != null) {
      note(side, ticks, 0, 0);
    }
  }

  /**
   * A market order of {@code lots} against {@code side}, best level first, until it is filled or
   * the side is empty. A level's orders are filled whole, oldest first, each the level's average
   * size; the order that is partly filled stays.
   *
   * @return the fills, one per level reached, best price first
   */
  List<Fill> take(BookSide side, long lots) {
    List<Fill> fills = new ArrayList<>();
    long left = lots;
    NavigableMap<Long, Level> levels = map(side);
    while (left > 0 && !levels.isEmpty()) {
      Map.Entry<Long, Level> best = levels.firstEntry();
      Level level = best.getValue();
      long filled = Math.min(left, level.lots());
      fills.add(new Fill(best.getKey(), filled));
      left -= filled;
      if (filled == level.lots()) {
        remove(side, best.getKey());
      } else {
        long ordersFilled = filled * level.orders() / level.lots();
        int orders = (int) Math.max(1, level.orders() - ordersFilled);
        put(side, best.getKey(), new Level(level.lots() - filled, orders));
      }
    }
    return fills;
  }

  /** Every level changed since the last call, as it is now, bids first; forgets them. */
  List<Change> takeChanges() {
    List<Change> changes = new ArrayList<>(bidChanges.size() + askChanges.size());
    changes.addAll(bidChanges.values());
    changes.addAll(askChanges.values());
    bidChanges.clear();
    askChanges.clear();
    return changes;
  }

  boolean isCrossed() {
    Long bid = best(BookSide.BIDS);
    Long ask = best(BookSide.ASKS);
    return bid != null && ask != null && bid >= ask;
  }

  private void note(BookSide side, long ticks, long lots, int orders) {
    (side == BookSide.BIDS ? bidChanges : askChanges)
        .put(ticks, new Change(side, ticks, lots, orders));
  }

  private NavigableMap<Long, Level> map(BookSide side) {
    return side == BookSide.BIDS ? bids : asks;
  }
}
