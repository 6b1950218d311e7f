package org.marketflow.jobs.ohlc.state;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;

/**
 * The trade id keys ({@link TradeIdKey}) of every instrument's open bars of the smallest interval,
 * by which a repeated trade is recognized. A bar's ids are kept until the watermark passes its end
 * plus the allowed lateness; a repetition after that is late anyway.
 */
public final class OpenBarTradeIds {

  private final Map<String, Long2ObjectMap<TradeIdSet>> byInstrument = new HashMap<>();

  /** Remembers {@code key} in the bar starting at {@code barStartMs}; false if it is there. */
  public boolean add(String instrument, long barStartMs, long key) {
    return of(instrument, barStartMs).add(key);
  }

  /**
   * The keys of the bar starting at {@code barStartMs}, empty if it has none yet: a caller may keep
   * the set while trades come for that bar (the set of a bar forgotten by {@link #forgetUpTo} is
   * one no trade can reach any more: its trades are late).
   */
  public TradeIdSet of(String instrument, long barStartMs) {
    Long2ObjectMap<TradeIdSet> bars =
        byInstrument.computeIfAbsent(instrument, i -> new Long2ObjectOpenHashMap<>());
    TradeIdSet ids = bars.get(barStartMs);
    if (ids == null) {
      ids = new TradeIdSet();
      bars.put(barStartMs, ids);
    }
    return ids;
  }

  /** Forgets the bars that start at or before {@code lastStartMs}. */
  public void forgetUpTo(long lastStartMs) {
    Iterator<Long2ObjectMap<TradeIdSet>> instruments = byInstrument.values().iterator();
    while (instruments.hasNext()) {
      Long2ObjectMap<TradeIdSet> bars = instruments.next();
      bars.keySet().removeIf((long start) -> start <= lastStartMs);
      if (bars.isEmpty()) {
        instruments.remove();
      }
    }
  }

  /** How many ids are kept, all instruments together. */
  public long size() {
    long size = 0;
    for (Long2ObjectMap<TradeIdSet> bars : byInstrument.values()) {
      for (TradeIdSet ids : bars.values()) {
        size += ids.size();
      }
    }
    return size;
  }

  /** (instrument, bar start, ids) for each bar: the form a checkpoint keeps. */
  public List<Tuple3<String, Long, long[]>> entries() {
    List<Tuple3<String, Long, long[]>> entries = new ArrayList<>();
    byInstrument.forEach(
        (instrument, bars) ->
            bars.long2ObjectEntrySet()
                .forEach(
                    bar ->
                        entries.add(
                            Tuple3.of(
                                instrument, bar.getLongKey(), bar.getValue().toLongArray()))));
    return entries;
  }

  /** Adds what {@link #entries} gave. */
  public void addAll(Iterable<Tuple3<String, Long, long[]>> entries) {
    for (Tuple3<String, Long, long[]> entry : entries) {
      for (long key : entry.f2) {
        add(entry.f0, entry.f1, key);
      }
    }
  }
}
