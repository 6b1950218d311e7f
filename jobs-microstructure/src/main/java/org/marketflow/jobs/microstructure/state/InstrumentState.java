package org.marketflow.jobs.microstructure.state;

import org.marketflow.jobs.common.state.IdleClock;
import org.marketflow.jobs.microstructure.metrics.TimeWeightedSpread;

/**
 * An instrument's state in the book operator besides the book and the metrics' accumulators: the
 * book's sync, the last tick, the day's volume, the open second, minute and snapshot interval, and
 * the idle clean-up. A Flink POJO of fixed size (about 200 bytes).
 */
public class InstrumentState {

  private static final long NONE = Long.MIN_VALUE;

  // The book's sync.

  /** Whether the book is the venue's: a snapshot synced it and nothing dropped it since. */
  public boolean synced;

  /** The synced book has had no delta since its snapshot (the first delta may overlap it). */
  public boolean awaitingFirstDelta;

  /** The book's last sequence, {@code null} when the venue sends none. */
  public Long lastSequence;

  /** Exchange time of the last book update applied, epoch µs. */
  public long lastUpdateTimeUs = NONE;

  /** When the last book update took effect, epoch µs: the next takes effect no sooner. */
  public long lastBookEffectUs = NONE;

  // The last tick.

  public long lastTickTimeUs = NONE;
  public int lastTickIndex;
  public double tickBid = Double.NaN;
  public double tickAsk = Double.NaN;
  public double tickBidSize = Double.NaN;
  public double tickAskSize = Double.NaN;

  // The UTC day's trades.

  public long dayStartUs = NONE;
  public double dayVolume;
  public double lastPrice = Double.NaN;
  public double lastSize = Double.NaN;

  // The open second.

  /** Start of the second being accumulated, epoch µs; {@link Long#MIN_VALUE} when none is open. */
  public long secondStartUs = NONE;

  public long secondTicks;
  public long secondTrades;
  public double secondVolume;
  public TimeWeightedSpread spread = new TimeWeightedSpread();

  // The open minute.

  /** Start of the minute being accumulated, epoch µs; {@link Long#MIN_VALUE} when none is open. */
  public long minuteStartUs = NONE;

  /** Seconds of the open minute at whose end the book was synced. */
  public int minuteSyncedSeconds;

  /** Of those, the seconds with a liquidity value (a mid), and the sums of their values. */
  public int minuteLiquiditySeconds;

  public double minuteBidLiquidity;
  public double minuteAskLiquidity;

  // The snapshot interval.

  /** The synced book changed since the last snapshot. */
  public boolean changedSinceSnapshot;

  /** While {@link #changedSinceSnapshot}: the last ms of the interval that publishes it. */
  public long snapshotDueMs = NONE;

  // The operator's clock.

  /**
   * The event-time timer pending for the instrument's buffered events and open periods, ms; {@link
   * Long#MIN_VALUE} when none.
   */
  public long wakeMs = NONE;

  /** When the instrument went quiet, for the clean-up. */
  public IdleClock idle = new IdleClock();

  /** For Flink's POJO serializer. */
  public InstrumentState() {}

  public boolean hasOpenSecond() {
    return secondStartUs != NONE;
  }

  /** Closes the open second's flow accumulators. */
  public void closeSecond() {
    secondStartUs = NONE;
    secondTicks = 0;
    secondTrades = 0;
    secondVolume = 0.0;
  }

  /** Starts the next minute. */
  public void closeMinute() {
    minuteStartUs = NONE;
    minuteSyncedSeconds = 0;
    minuteLiquiditySeconds = 0;
    minuteBidLiquidity = 0.0;
    minuteAskLiquidity = 0.0;
  }

  /**
   * The first ms at whose end an open period closes: the open second, the open minute, or the
   * snapshot interval in which the book changed; {@link Long#MIN_VALUE} when none is open.
   */
  public long nextPeriodEndMs() {
    long next = Long.MAX_VALUE;
    if (secondStartUs != NONE) {
      next = (secondStartUs + 1_000_000L) / 1_000L - 1;
    }
    if (minuteStartUs != NONE) {
      next = Math.min(next, (minuteStartUs + 60_000_000L) / 1_000L - 1);
    }
    if (changedSinceSnapshot) {
      next = Math.min(next, snapshotDueMs);
    }
    return next == Long.MAX_VALUE ? NONE : next;
  }

  /** Forgets the top of book last ticked, so that the next synced book ticks. */
  public void forgetTop() {
    tickBid = Double.NaN;
    tickAsk = Double.NaN;
    tickBidSize = Double.NaN;
    tickAskSize = Double.NaN;
  }
}
