package org.marketflow.jobs.ohlc.records;

import org.marketflow.schemas.avro.OhlcBar;

/**
 * The values of consecutive 1-minute bars of one instrument: one bar, a whole hour of bars, or a
 * period's. Summaries of adjacent stretches of time merge in time order ({@link #add}), so a period
 * is summed from whole hours and single minutes instead of from every bar again.
 *
 * <p>Volatility needs the log returns between consecutive bars. A summary keeps the moments (count,
 * mean, sum of squared deviations) of the returns between its own bars, and apart from them its
 * {@link #entryReturn}: the return from the bar before its first one, which belongs to a period
 * only when that earlier bar does too. Merging B after A adds B's entry return and B's moments to
 * A's (Welford's update and Chan's merge of the moments), so a period counts exactly the returns
 * between its own consecutive bars, a gap of minutes without a bar being one return.
 */
public final class PeriodSummary {

  /** Start of the first minute (or hour) this summary covers, epoch ms; for stored entries. */
  public long startMs;

  /** 1-minute bars summed. */
  public int barCount;

  /** Their open, high, low, close, volumes and trades, merged as bars' are. */
  public final OhlcAccumulator values;

  /** ln(first close / the close of the bar before it); {@code NaN} when no bar came before. */
  public double entryReturn = Double.NaN;

  /**
   * Returns between this summary's own consecutive bars: count, mean, sum of squared deviations.
   */
  public int returnCount;

  public double returnMean;
  public double returnM2;

  public PeriodSummary() {
    this(new OhlcAccumulator());
  }

  public PeriodSummary(OhlcAccumulator values) {
    this.values = values;
  }

  /**
   * One bar's summary.
   *
   * @param previousClose the close of the instrument's bar before it, {@code NaN} when none
   */
  public static PeriodSummary ofBar(long startMs, OhlcBar bar, double previousClose) {
    PeriodSummary s = new PeriodSummary();
    s.startMs = startMs;
    s.barCount = 1;
    OhlcAccumulator v = s.values;
    v.openTimeUs = bar.getFirstTradeTimeUs();
    v.openSequence = 0;
    v.open = bar.getOpen();
    v.closeTimeUs = bar.getLastTradeTimeUs();
    v.closeSequence = 0;
    v.close = bar.getClose();
    v.high = bar.getHigh();
    v.low = bar.getLow();
    v.volume.set(bar.getVolume());
    v.quoteVolume.set(bar.getQuoteVolume());
    v.tradeCount = bar.getTradeCount();
    v.buyVolume.set(bar.getBuyVolume());
    v.sellVolume.set(bar.getSellVolume());
    v.buyTradeCount = bar.getBuyTradeCount();
    v.sellTradeCount = bar.getSellTradeCount();
    s.entryReturn = Math.log(bar.getClose() / previousClose);
    return s;
  }

  /** Adds {@code next}, the summary of the bars that follow this summary's, to this one. */
  public void add(PeriodSummary next) {
    if (next.barCount == 0) {
      return;
    }
    values.merge(next.values);
    if (barCount == 0) {
      startMs = next.startMs;
      entryReturn = next.entryReturn;
    } else if (!Double.isNaN(next.entryReturn)) {
      addReturn(next.entryReturn);
    }
    barCount += next.barCount;
    addReturns(next.returnCount, next.returnMean, next.returnM2);
  }

  /** Quote volume / volume; {@code null} without volume. */
  public Double vwap() {
    double volume = values.volume.value();
    return volume > 0 ? values.quoteVolume.value() / volume : null;
  }

  /**
   * The sample standard deviation of the returns between this summary's bars; {@code null} with
   * fewer than {@code minReturns} (at least 2) returns.
   */
  public Double volatility(int minReturns) {
    if (returnCount < Math.max(2, minReturns)) {
      return null;
    }
    return Math.sqrt(Math.max(0.0, returnM2) / (returnCount - 1));
  }

  /** A copy of {@code from}. */
  public static PeriodSummary copyOf(PeriodSummary from) {
    PeriodSummary copy = new PeriodSummary();
    copy.add(from);
    return copy;
  }

  /** Welford's update of the moments by one return. */
  private void addReturn(double r) {
    returnCount++;
    double delta = r - returnMean;
    returnMean += delta / returnCount;
    returnM2 += delta * (r - returnMean);
  }

  /** Chan's merge of another set of returns' moments into these. */
  private void addReturns(int count, double mean, double m2) {
    if (count == 0) {
      return;
    }
    if (returnCount == 0) {
      returnCount = count;
      returnMean = mean;
      returnM2 = m2;
      return;
    }
    long total = (long) returnCount + count;
    double delta = mean - returnMean;
    returnMean += delta * count / total;
    returnM2 += m2 + delta * delta * ((double) returnCount * count / total);
    returnCount = (int) total;
  }
}
