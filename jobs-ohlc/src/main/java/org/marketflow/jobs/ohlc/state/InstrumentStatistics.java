package org.marketflow.jobs.ohlc.state;

import static org.marketflow.jobs.ohlc.records.StatisticsPeriod.HOUR_MS;
import static org.marketflow.jobs.ohlc.records.StatisticsPeriod.MINUTE_MS;

import java.util.ArrayList;
import java.util.List;
import org.marketflow.jobs.ohlc.records.PeriodSummary;
import org.marketflow.jobs.ohlc.records.StatisticsPeriod;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * One instrument's market-statistics state: its final 1-minute bars of the last 24 hours, one
 * summary per whole hour of the last 30 days, the liquidity values still to be used, and the
 * instrument's one timer.
 *
 * <ul>
 *   <li>{@link #minutes}: one {@link PeriodSummary} per bar, in time order, from 24 h before the
 *       next period end on (bars after it too, when the watermark has not reached them yet): at
 *       most 1,440 plus those.
 *   <li>{@link #hours}: one summary per hour with bars before {@link #sealedBeforeMs}, in time
 *       order, from the start of the next 30d period on: at most 720. An hour is summed once, when
 *       the first period that needs it whole is due, from its minutes.
 *   <li>{@link #liquidity}: each value's minute and total, in time order; only the latest one
 *       before the next period end and the later ones are kept.
 * </ul>
 *
 * <p>An instrument with a bar every minute holds 1,440 minutes and 720 hours: about 350 KB in a
 * checkpoint (about 170 bytes a summary, {@link InstrumentStatisticsSerializer}), about as much on
 * the heap. One that trades rarely holds a summary per minute and per hour it traded.
 */
public final class InstrumentStatistics {

  /** A time that is not set: no timer, no bar yet. */
  public static final long NONE = Long.MIN_VALUE;

  /** The instrument's one event-time timer, {@link #NONE} when none is registered. */
  public long timerMs = NONE;

  /** The end of the next periods to emit; {@link #NONE} while the instrument holds no bar. */
  public long nextEndMs = NONE;

  /** The start of the instrument's latest bar. */
  public long lastBarStartMs = NONE;

  /** The close of the instrument's latest bar, from which the next bar's return is taken. */
  public double lastClose = Double.NaN;

  /** Hours before this are summed in {@link #hours}. */
  public long sealedBeforeMs = NONE;

  public final List<PeriodSummary> minutes;
  public final List<PeriodSummary> hours;
  public final List<Liquidity> liquidity;

  public InstrumentStatistics() {
    this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }

  InstrumentStatistics(
      List<PeriodSummary> minutes, List<PeriodSummary> hours, List<Liquidity> liquidity) {
    this.minutes = minutes;
    this.hours = hours;
    this.liquidity = liquidity;
  }

  /** A liquidity value: its minute's start and {@code totalLiquidityUsd}. */
  public record Liquidity(long bucketStartMs, double totalUsd) {

    /** The end of its minute, when the value was complete. */
    public long endMs() {
      return bucketStartMs + MINUTE_MS;
    }
  }

  /** Whether the instrument holds bars, and so emits statistics. */
  public boolean hasBars() {
    return nextEndMs != NONE;
  }

  public boolean isEmpty() {
    return !hasBars() && liquidity.isEmpty();
  }

  /**
   * Adds the final bar of the minute starting at {@code startMs}, which must follow the latest bar
   * and not be before the next period end's minute.
   */
  public void addBar(long startMs, OhlcBar bar) {
    minutes.add(PeriodSummary.ofBar(startMs, bar, lastClose));
    lastClose = bar.getClose();
    lastBarStartMs = startMs;
    if (!hasBars()) {
      nextEndMs = startMs + MINUTE_MS;
      sealedBeforeMs = Math.floorDiv(startMs, HOUR_MS) * HOUR_MS;
    }
  }

  /** Whether a bar of the minute starting at {@code startMs} can still count. */
  public boolean accepts(long startMs) {
    return !hasBars() || (startMs > lastBarStartMs && startMs >= nextEndMs - MINUTE_MS);
  }

  /** Forgets the bars; the liquidity values stay. */
  public void clearBars() {
    minutes.clear();
    hours.clear();
    nextEndMs = NONE;
    lastBarStartMs = NONE;
    lastClose = Double.NaN;
    sealedBeforeMs = NONE;
  }

  /**
   * The summary of the bars in [{@code fromMs}, {@code endMs}): single minutes at either end, whole
   * hours in between. {@code endMs} is a minute boundary at or before {@link #nextEndMs}, and the
   * hours before its last hour are sealed ({@link #sealHoursBefore}).
   */
  public PeriodSummary summarize(long fromMs, long endMs) {
    long lastHour = StatisticsPeriod.lastHourStartMs(endMs);
    long wholeFrom = Math.floorDiv(fromMs + HOUR_MS - 1, HOUR_MS) * HOUR_MS;
    PeriodSummary sum = new PeriodSummary();
    if (wholeFrom >= lastHour) {
      addRange(sum, minutes, fromMs, endMs);
    } else {
      addRange(sum, minutes, fromMs, wholeFrom);
      addRange(sum, hours, wholeFrom, lastHour);
      addRange(sum, minutes, lastHour, endMs);
    }
    return sum;
  }

  /** Sums the minutes of every hour before {@code hourMs} not summed yet into {@link #hours}. */
  public void sealHoursBefore(long hourMs) {
    int i = firstAtOrAfter(minutes, sealedBeforeMs);
    while (sealedBeforeMs < hourMs) {
      if (i == minutes.size() || minutes.get(i).startMs >= hourMs) {
        sealedBeforeMs = hourMs;
        return;
      }
      long hour = Math.floorDiv(minutes.get(i).startMs, HOUR_MS) * HOUR_MS;
      PeriodSummary sum = new PeriodSummary();
      for (; i < minutes.size() && minutes.get(i).startMs < hour + HOUR_MS; i++) {
        sum.add(minutes.get(i));
      }
      sum.startMs = hour;
      hours.add(sum);
      sealedBeforeMs = hour + HOUR_MS;
    }
  }

  /** Drops the minutes and hours no period ending at or after {@code endMs} holds. */
  public void trimBars(long endMs) {
    minutes.subList(0, firstAtOrAfter(minutes, StatisticsPeriod.H24.startMs(endMs))).clear();
    hours.subList(0, firstAtOrAfter(hours, StatisticsPeriod.D30.startMs(endMs))).clear();
  }

  /** Adds a liquidity value; a value of a minute already held replaces it. */
  public void addLiquidity(long bucketStartMs, double totalUsd) {
    int i = liquidity.size();
    while (i > 0 && liquidity.get(i - 1).bucketStartMs() > bucketStartMs) {
      i--;
    }
    Liquidity value = new Liquidity(bucketStartMs, totalUsd);
    if (i > 0 && liquidity.get(i - 1).bucketStartMs() == bucketStartMs) {
      liquidity.set(i - 1, value);
    } else {
      liquidity.add(i, value);
    }
  }

  /**
   * The latest liquidity value whose minute ended at or before {@code endMs}, if it ended at most
   * {@code stalenessMs} before; else {@code null}.
   */
  public Liquidity liquidityAt(long endMs, long stalenessMs) {
    int i = latestEndingBy(endMs);
    if (i < 0 || endMs - liquidity.get(i).endMs() > stalenessMs) {
      return null;
    }
    return liquidity.get(i);
  }

  /**
   * Drops the liquidity values no period ending at or after {@code endMs} can use: all but the
   * latest one ending by then, and that one too when it is staler than {@code stalenessMs}.
   */
  public void trimLiquidity(long endMs, long stalenessMs) {
    int latest = latestEndingBy(endMs);
    if (latest >= 0 && endMs - liquidity.get(latest).endMs() > stalenessMs) {
      latest++;
    }
    if (latest > 0) {
      liquidity.subList(0, latest).clear();
    }
  }

  private int latestEndingBy(long endMs) {
    int i = liquidity.size() - 1;
    while (i >= 0 && liquidity.get(i).endMs() > endMs) {
      i--;
    }
    return i;
  }

  private static void addRange(
      PeriodSummary sum, List<PeriodSummary> entries, long fromMs, long toMs) {
    for (int i = firstAtOrAfter(entries, fromMs);
        i < entries.size() && entries.get(i).startMs < toMs;
        i++) {
      sum.add(entries.get(i));
    }
  }

  /** The index of the first entry starting at or after {@code ms}: a binary search. */
  private static int firstAtOrAfter(List<PeriodSummary> entries, long ms) {
    int lo = 0;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).startMs < ms) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
