package org.marketflow.ingest.pariflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drops a trade the feed has already published: the engine's trade ids are unique but carry no
 * order, so the last {@code capacity} ids of all instruments are remembered (the oldest forgotten
 * first). A trade repeated further back than that passes: the memory is bounded, about 100 bytes a
 * trade.
 */
final class RecentTradeIds {

  /** Enough for the repeats a reconnect or a re-read batch brings. */
  static final int DEFAULT_CAPACITY = 100_000;

  private final Map<String, Boolean> seen;

  RecentTradeIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, not " + capacity);
    }
    this.seen =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether trade {@code tradeId} of {@code instrument} is new; if so it is remembered. */
  boolean isNew(String instrument, String tradeId) {
    return seen.putIfAbsent(instrument + ' ' + tradeId, Boolean.TRUE) == null;
  }
}
