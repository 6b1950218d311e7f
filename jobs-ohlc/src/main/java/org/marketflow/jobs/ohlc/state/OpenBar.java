package org.marketflow.jobs.ohlc.state;

import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.OhlcBar;

/** A bar the watermark has not finalized yet: its values and the revision last emitted. */
public final class OpenBar {

  /** {@link #revision} of a bar not emitted yet. */
  public static final int NOT_EMITTED = -1;

  public final long startMs;
  public final long endMs;
  public final OhlcAccumulator values;
  public int revision = NOT_EMITTED;

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

  /** The next revision of the bar as a record, {@code isFinal} when no trade can change it. */
  public OhlcBar emit(String instrument, String interval, boolean isFinal) {
    revision++;
    OhlcAccumulator bar = values;
    double volume = bar.volume.value();
    double quoteVolume = bar.quoteVolume.value();
    return OhlcBar.newBuilder()
        .setInstrument(instrument)
        .setInterval(interval)
        .setBucketStartUs(startMs * 1_000L)
        .setOpen(bar.open)
        .setHigh(bar.high)
        .setLow(bar.low)
        .setClose(bar.close)
        .setVolume(volume)
        .setQuoteVolume(quoteVolume)
        .setTradeCount(bar.tradeCount)
        .setVwap(quoteVolume / volume)
        .setFirstTradeTimeUs(bar.openTimeUs)
        .setLastTradeTimeUs(bar.closeTimeUs)
        .setRevision(revision)
        .setBuyVolume(bar.buyVolume.value())
        .setSellVolume(bar.sellVolume.value())
        .setBuyTradeCount(bar.buyTradeCount)
        .setSellTradeCount(bar.sellTradeCount)
        .setIsFinal(isFinal)
        .build();
  }
}
