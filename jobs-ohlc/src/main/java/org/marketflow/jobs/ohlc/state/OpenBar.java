package org.marketflow.jobs.ohlc.state;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * A bar the watermark has not finalized yet: its values, the revision last emitted, and, for the
 * smallest interval only, the ids of its trades, by which a repeated trade is recognized.
 */
public final class OpenBar {

  /** {@link #revision} of a bar not emitted yet. */
  public static final int NOT_EMITTED = -1;

  public final long startMs;
  public final long endMs;
  public final OhlcAccumulator values;
  public int revision = NOT_EMITTED;

  /**
   * Keys of the ids of the bar's trades ({@link TradeIdKey}); null where this interval does not
   * look for duplicates.
   */
  public LongOpenHashSet tradeIds;

  public OpenBar(long startMs, long endMs, OhlcAccumulator values) {
    this.startMs = startMs;
    this.endMs = endMs;
    this.values = values;
  }

  /** The bar's last millisecond: the watermark passing it closes the bar. */
  public long lastMs() {
    return endMs - 1;
  }

  public boolean emitted() {
    return revision != NOT_EMITTED;
  }

  /**
   * The event time at which the bar is next due: its close, or once emitted its finalization at the
   * close plus the allowed lateness.
   */
  public long dueMs(long allowedLatenessMs) {
    return emitted() ? lastMs() + allowedLatenessMs : lastMs();
  }

  /** Remembers a trade's id key; false if the bar already holds a trade with this key. */
  public boolean addTradeId(long key) {
    if (tradeIds == null) {
      tradeIds = new LongOpenHashSet();
    }
    return tradeIds.add(key);
  }

  /** The next revision of the bar as a record, {@code isFinal} when no trade can change it. */
  public OhlcBar emit(String instrument, String interval, boolean isFinal) {
    revision++;
    OhlcAccumulator bar = values;
    return OhlcBar.newBuilder()
        .setInstrument(instrument)
        .setInterval(interval)
        .setBucketStartUs(startMs * 1_000L)
        .setOpen(bar.open)
        .setHigh(bar.high)
        .setLow(bar.low)
        .setClose(bar.close)
        .setVolume(bar.volume)
        .setQuoteVolume(bar.quoteVolume)
        .setTradeCount(bar.tradeCount)
        .setVwap(bar.quoteVolume / bar.volume)
        .setFirstTradeTimeUs(bar.openTimeUs)
        .setLastTradeTimeUs(bar.closeTimeUs)
        .setRevision(revision)
        .setBuyVolume(bar.buyVolume)
        .setSellVolume(bar.sellVolume)
        .setBuyTradeCount(bar.buyTradeCount)
        .setSellTradeCount(bar.sellTradeCount)
        .setIsFinal(isFinal)
        .build();
  }
}
