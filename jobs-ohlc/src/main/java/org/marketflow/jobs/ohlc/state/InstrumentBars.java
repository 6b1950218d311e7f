package org.marketflow.jobs.ohlc.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;

/**
 * One instrument's open bars of every interval: for each interval (smallest first, as configured)
 * its bars in start order, and the event time of the instrument's one timer. A bar stays here from
 * its first trade until the watermark passes its end plus the allowed lateness, so the state holds
 * at most (allowed lateness + out-of-orderness) / interval + 1 bars an interval.
 */
public final class InstrumentBars {

  /** {@link #wakeMs} when no timer is set. */
  public static final long NO_TIMER = Long.MAX_VALUE;

  private final long[] intervalMs;
  private final List<List<OpenBar>> bars;
  public long wakeMs = NO_TIMER;

  public InstrumentBars(long[] intervalMs) {
    this.intervalMs = intervalMs.clone();
    this.bars = new ArrayList<>(intervalMs.length);
    for (int i = 0; i < intervalMs.length; i++) {
      bars.add(new ArrayList<>(2));
    }
  }

  public int intervalCount() {
    return intervalMs.length;
  }

  public long intervalMs(int interval) {
    return intervalMs[interval];
  }

  /** The interval's open bars, in start order. */
  public List<OpenBar> bars(int interval) {
    return bars.get(interval);
  }

  /**
   * The bar of {@code interval} holding {@code timeMs}, created if it is not open. Searched from
   * the newest: nearly every trade falls in the newest bar.
   */
  public OpenBar barAt(int interval, long timeMs) {
    long length = intervalMs[interval];
    long start = Math.floorDiv(timeMs, length) * length;
    List<OpenBar> open = bars.get(interval);
    int i = open.size() - 1;
    while (i >= 0 && open.get(i).startMs > start) {
      i--;
    }
    if (i >= 0 && open.get(i).startMs == start) {
      return open.get(i);
    }
    OpenBar bar = new OpenBar(start, start + length, new OhlcAccumulator());
    open.add(i + 1, bar);
    return bar;
  }

  /** The earliest time a bar is due at, or {@link #NO_TIMER} when no bar is open. */
  public long nextDueMs(long allowedLatenessMs) {
    long next = NO_TIMER;
    for (List<OpenBar> open : bars) {
      for (OpenBar bar : open) {
        next = Math.min(next, bar.dueMs(allowedLatenessMs));
      }
    }
    return next;
  }

  /** Whether this state was made for these intervals: a restore must not mix up intervals. */
  public boolean hasIntervals(long[] expectedMs) {
    return Arrays.equals(intervalMs, expectedMs);
  }
}
