package org.marketflow.jobs.ohlc.functions;

import static org.marketflow.jobs.ohlc.records.StatisticsPeriod.MINUTE_MS;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.jobs.ohlc.records.PeriodSummary;
import org.marketflow.jobs.ohlc.records.StatisticsPeriod;
import org.marketflow.jobs.ohlc.state.InstrumentStatistics;
import org.marketflow.jobs.ohlc.state.InstrumentStatisticsSerializer;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketStatistics;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * One instrument's rolling statistics over 1h, 24h, 7d and 30d ({@link StatisticsPeriod}) from its
 * final 1-minute bars (input 1), with the latest liquidity value from the microstructure job (input
 * 2, optional).
 *
 * <ul>
 *   <li>For each minute boundary T from the end of the instrument's first bar on, the four periods
 *       ending at T are emitted when the watermark reaches T − 1 ms + the allowed lateness: the
 *       bars' operator emits the final bar of [T − 1 min, T) before it forwards that watermark, so
 *       every bar of the periods is in, and a row, once written, never changes. Minutes without a
 *       bar emit too.
 *   <li>An instrument whose 30d period ending at T holds no bar emits nothing more and its state is
 *       cleared (30 days without a bar), until its next bar. At the end of a bounded input (the
 *       watermark at its maximum) an instrument emits up to the end of its last bar, not the 30
 *       days after it, and is cleared.
 *   <li>A bar that arrives after the periods holding it were emitted, or not after the instrument's
 *       latest bar, is counted ({@code lateStatisticsBars}) and left out; the bars' operator sends
 *       neither.
 *   <li>Liquidity: the {@code totalLiquidityUsd} of the latest {@link LiquidityMetrics} whose
 *       minute ended at or before T and at most the staleness before T; values without a total are
 *       ignored. Values are kept only as long as a period can use them; an instrument with
 *       liquidity values but no bar keeps them until they are stale.
 *   <li>The instrument holds one event-time timer: its next period end's, or, without bars, the
 *       time its liquidity values go stale.
 * </ul>
 *
 * <p>Built for the heap (HashMap) state backend: the state is one object per instrument, changed in
 * place.
 */
public class MarketStatisticsProcessor
    extends KeyedCoProcessFunction<String, OhlcBar, Consumed<LiquidityMetrics>, MarketStatistics> {

  /** Minutes a year: volatility of 1-minute returns × √ this is annualized. */
  public static final double MINUTES_PER_YEAR = 525_600.0;

  private static final double ANNUALIZATION = Math.sqrt(MINUTES_PER_YEAR);

  private static final ValueStateDescriptor<InstrumentStatistics> STATISTICS =
      new ValueStateDescriptor<>("statistics", InstrumentStatisticsSerializer.INSTANCE);

  private final long allowedLatenessMs;
  private final long liquidityStalenessMs;
  private final int minReturns;

  private transient ValueState<InstrumentStatistics> state;
  private transient Counter lateBars;

  /**
   * @param allowedLatenessMs the bars' allowed lateness: a period ending at T is emitted when the
   *     watermark reaches T − 1 + it
   * @param liquidityStalenessMs how long before a period's end a liquidity value's minute may have
   *     ended
   * @param minReturns the returns a volatility needs, at least 2
   */
  public MarketStatisticsProcessor(
      long allowedLatenessMs, long liquidityStalenessMs, int minReturns) {
    if (allowedLatenessMs < 0) {
      throw new IllegalArgumentException("negative allowed lateness: " + allowedLatenessMs);
    }
    if (liquidityStalenessMs < 0) {
      throw new IllegalArgumentException("negative liquidity staleness: " + liquidityStalenessMs);
    }
    if (minReturns < 2) {
      throw new IllegalArgumentException(
          "a volatility needs at least 2 returns, not " + minReturns);
    }
    this.allowedLatenessMs = allowedLatenessMs;
    this.liquidityStalenessMs = liquidityStalenessMs;
    this.minReturns = minReturns;
  }

  @Override
  public void open(OpenContext openContext) {
    state = getRuntimeContext().getState(STATISTICS);
    lateBars = getRuntimeContext().getMetricGroup().counter("lateStatisticsBars");
  }

  @Override
  public void processElement1(OhlcBar bar, Context ctx, Collector<MarketStatistics> out)
      throws Exception {
    long startMs = Math.floorDiv(bar.getBucketStartUs(), 1_000L);
    InstrumentStatistics s = current();
    if (!s.accepts(startMs)) {
      lateBars.inc();
      return;
    }
    s.addBar(startMs, bar);
    schedule(s, ctx.timerService());
    state.update(s);
  }

  @Override
  public void processElement2(
      Consumed<LiquidityMetrics> consumed, Context ctx, Collector<MarketStatistics> out)
      throws Exception {
    LiquidityMetrics value = consumed.value;
    if (value.getTotalLiquidityUsd() == null) {
      return;
    }
    InstrumentStatistics s = current();
    s.addLiquidity(Math.floorDiv(value.getBucketStartUs(), 1_000L), value.getTotalLiquidityUsd());
    s.trimLiquidity(earliestEndMs(s, ctx.timerService().currentWatermark()), liquidityStalenessMs);
    if (s.isEmpty()) { // the value was stale on arrival
      if (s.timerMs != InstrumentStatistics.NONE) {
        ctx.timerService().deleteEventTimeTimer(s.timerMs);
      }
      state.clear();
      return;
    }
    schedule(s, ctx.timerService());
    state.update(s);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MarketStatistics> out)
      throws Exception {
    InstrumentStatistics s = state.value();
    if (s == null) {
      return;
    }
    s.timerMs = InstrumentStatistics.NONE; // the timer that fired
    long watermark = ctx.timerService().currentWatermark();
    if (s.hasBars()) {
      emitDue(s, ctx.getCurrentKey(), watermark, out);
    }
    if (watermark == Long.MAX_VALUE) { // the end of a bounded input
      state.clear();
      return;
    }
    s.trimLiquidity(earliestEndMs(s, watermark), liquidityStalenessMs);
    if (s.isEmpty()) {
      state.clear();
    } else {
      schedule(s, ctx.timerService());
      state.update(s);
    }
  }

  /** Emits every period end the watermark has reached, in order. */
  private void emitDue(
      InstrumentStatistics s, String instrument, long watermark, Collector<MarketStatistics> out) {
    while (s.nextEndMs - 1 + allowedLatenessMs <= watermark) {
      long endMs = s.nextEndMs;
      boolean endOfInput = watermark == Long.MAX_VALUE && endMs > s.lastBarStartMs + MINUTE_MS;
      if (endOfInput || s.lastBarStartMs < StatisticsPeriod.D30.startMs(endMs)) {
        s.clearBars();
        return;
      }
      s.sealHoursBefore(StatisticsPeriod.lastHourStartMs(endMs));
      InstrumentStatistics.Liquidity liquidity = s.liquidityAt(endMs, liquidityStalenessMs);
      for (StatisticsPeriod period : StatisticsPeriod.values()) {
        long startMs = period.startMs(endMs);
        out.collect(
            record(
                instrument,
                period,
                startMs,
                endMs,
                s.summarize(startMs, endMs),
                liquidity,
                minReturns));
      }
      s.nextEndMs = endMs + MINUTE_MS;
      s.trimBars(s.nextEndMs);
      s.trimLiquidity(s.nextEndMs, liquidityStalenessMs);
    }
  }

  /** The earliest period end the instrument can still emit. */
  private long earliestEndMs(InstrumentStatistics s, long watermark) {
    if (s.hasBars()) {
      return s.nextEndMs;
    }
    // A bar not received yet ends a minute T whose periods' time the watermark has not reached:
    // T - 1 + allowed lateness > watermark.
    return watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark + 1 - allowedLatenessMs;
  }

  /** Moves the instrument's one timer to when it is next due, if it is not there. */
  private void schedule(InstrumentStatistics s, TimerService timers) {
    long dueMs;
    if (s.hasBars()) {
      dueMs = s.nextEndMs - 1 + allowedLatenessMs;
    } else { // when the latest liquidity value is too stale for any period still to come
      dueMs =
          s.liquidity.get(s.liquidity.size() - 1).endMs()
              + liquidityStalenessMs
              + allowedLatenessMs;
    }
    if (dueMs == s.timerMs) {
      return;
    }
    if (s.timerMs != InstrumentStatistics.NONE) {
      timers.deleteEventTimeTimer(s.timerMs);
    }
    timers.registerEventTimeTimer(dueMs);
    s.timerMs = dueMs;
  }

  private InstrumentStatistics current() throws Exception {
    InstrumentStatistics s = state.value();
    return s == null ? new InstrumentStatistics() : s;
  }

  /** The published record of one period. */
  public static MarketStatistics record(
      String instrument,
      StatisticsPeriod period,
      long startMs,
      long endMs,
      PeriodSummary sum,
      InstrumentStatistics.Liquidity liquidity,
      int minReturns) {
    boolean bars = sum.barCount > 0;
    OhlcAccumulator v = sum.values;
    Double volatility = sum.volatility(minReturns);
    return MarketStatistics.newBuilder()
        .setInstrument(instrument)
        .setPeriod(period.code())
        .setPeriodStartUs(startMs * 1_000L)
        .setPeriodEndUs(endMs * 1_000L)
        .setBarCount(sum.barCount)
        .setVolume(v.volume.value())
        .setQuoteVolume(v.quoteVolume.value())
        .setTrades(v.tradeCount)
        .setBuyVolume(v.buyVolume.value())
        .setSellVolume(v.sellVolume.value())
        .setOpen(bars ? v.open : null)
        .setHigh(bars ? v.high : null)
        .setLow(bars ? v.low : null)
        .setClose(bars ? v.close : null)
        .setVwap(sum.vwap())
        .setVolatility(volatility)
        .setAnnualizedVolatility(volatility == null ? null : volatility * ANNUALIZATION)
        .setLiquidityUsd(liquidity == null ? null : liquidity.totalUsd())
        .setLiquidityBucketStartUs(liquidity == null ? null : liquidity.bucketStartMs() * 1_000L)
        .build();
  }
}
