package org.marketflow.jobs.ohlc.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.ohlc.records.PartialBar;
import org.marketflow.jobs.ohlc.state.InstrumentBars;
import org.marketflow.jobs.ohlc.state.InstrumentBarsSerializer;
import org.marketflow.jobs.ohlc.state.OpenBar;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/**
 * Every interval's bars of one instrument in one pass: each partial bar ({@link PartialBars}, the
 * trades of one bar of the smallest interval) is folded into its bar of every interval at once,
 * where a window operator per interval would shuffle and store every trade once per interval.
 *
 * <ul>
 *   <li>A bar is emitted with revision 0 when the watermark passes its end. A partial bar that
 *       arrives after that, within the allowed lateness, revises the bar of every interval it falls
 *       in: each is emitted again with the next revision. When the watermark passes a bar's end
 *       plus the allowed lateness, its last revision is emitted with {@code isFinal} set and the
 *       bar leaves the state (a bar whose close and finalization the watermark passes at once is
 *       emitted once, final).
 *   <li>Late and repeated trades never get here: {@link PartialBars} sends them to its side
 *       outputs. A partial bar for a bar already final here cannot come (its watermark is never
 *       behind this operator's); should one come, it is counted in {@code latePartialBars} and
 *       dropped.
 *   <li>The instrument holds one event-time timer, at the earliest time one of its bars is due.
 * </ul>
 *
 * <p>Built for the heap (HashMap) state backend: the state is one object per instrument, changed in
 * place.
 */
public class BarsProcessor extends KeyedProcessFunction<String, PartialBar, OhlcBar> {

  private static final ValueStateDescriptor<InstrumentBars> BARS =
      new ValueStateDescriptor<>("bars", InstrumentBarsSerializer.INSTANCE);

  /** Emission order within one timer: by bar end, then from the smallest interval. */
  private static final Comparator<Due> BY_END_THEN_INTERVAL =
      Comparator.<Due>comparingLong(due -> due.bar.endMs).thenComparingInt(due -> due.interval);

  private final BarInterval[] intervals;
  private final long[] intervalMs;
  private final long allowedLatenessMs;

  private transient ValueState<InstrumentBars> state;
  private transient Counter latePartialBars;

  /**
   * @param intervals the intervals to compute, in any order
   * @param allowedLatenessMs how long after a bar's end a trade still revises it
   */
  public BarsProcessor(List<BarInterval> intervals, long allowedLatenessMs) {
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("no bar interval");
    }
    if (allowedLatenessMs < 0) {
      throw new IllegalArgumentException("negative allowed lateness: " + allowedLatenessMs);
    }
    this.intervals =
        intervals.stream()
            .distinct()
            .sorted(Comparator.comparingLong(BarInterval::micros))
            .toArray(BarInterval[]::new);
    this.intervalMs = new long[this.intervals.length];
    for (int i = 0; i < this.intervals.length; i++) {
      intervalMs[i] = this.intervals[i].millis();
      if (intervalMs[i] % intervalMs[0] != 0) {
        throw new IllegalArgumentException(
            this.intervals[i].code() + " is not a multiple of " + this.intervals[0].code());
      }
    }
    this.allowedLatenessMs = allowedLatenessMs;
  }

  /** The smallest interval, which decides whether a trade is late. */
  public BarInterval smallestInterval() {
    return intervals[0];
  }

  @Override
  public void open(OpenContext openContext) {
    state = getRuntimeContext().getState(BARS);
    latePartialBars = getRuntimeContext().getMetricGroup().counter("latePartialBars");
  }

  /** The smallest interval in ms: the length of the bars {@link PartialBars} makes. */
  public long smallestIntervalMs() {
    return intervalMs[0];
  }

  @Override
  public void processElement(PartialBar partial, Context ctx, Collector<OhlcBar> out)
      throws Exception {
    TimerService timers = ctx.timerService();
    long watermark = timers.currentWatermark();
    long startMs = partial.startMs;
    if (startMs + intervalMs[0] - 1 + allowedLatenessMs <= watermark) {
      latePartialBars.inc();
      return;
    }
    InstrumentBars bars = state.value();
    if (bars == null) {
      bars = new InstrumentBars(intervalMs);
    } else if (!bars.hasIntervals(intervalMs)) {
      throw new IllegalStateException(
          "the restored bars were computed for other intervals than --ohlc.intervals: start the"
              + " job afresh (without its savepoint) to change the intervals");
    }
    long dueMs = bars.wakeMs;
    for (int i = 0; i < intervalMs.length; i++) {
      OpenBar bar = bars.barAt(i, startMs);
      bar.values.merge(partial.values);
      if (bar.lastMs() <= watermark) { // late trades, within the allowed lateness
        out.collect(bar.emit(ctx.getCurrentKey(), intervals[i].code(), false));
      }
      dueMs = Math.min(dueMs, bar.dueMs(allowedLatenessMs));
    }
    wakeAt(dueMs, bars, timers);
    state.update(bars);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OhlcBar> out) throws Exception {
    InstrumentBars bars = state.value();
    if (bars == null) {
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    List<Due> due = new ArrayList<>();
    for (int i = 0; i < intervalMs.length; i++) {
      for (OpenBar bar : bars.bars(i)) {
        if (bar.dueMs(allowedLatenessMs) <= watermark) {
          due.add(new Due(i, bar));
        }
      }
    }
    due.sort(BY_END_THEN_INTERVAL);
    String instrument = ctx.getCurrentKey();
    for (Due d : due) {
      boolean isFinal = d.bar.lastMs() + allowedLatenessMs <= watermark;
      out.collect(d.bar.emit(instrument, intervals[d.interval].code(), isFinal));
    }
    for (int i = 0; i < intervalMs.length; i++) {
      Iterator<OpenBar> open = bars.bars(i).iterator();
      while (open.hasNext()) {
        if (open.next().lastMs() + allowedLatenessMs <= watermark) {
          open.remove();
        }
      }
    }
    bars.wakeMs = InstrumentBars.NO_TIMER; // the timer that fired
    long next = bars.nextDueMs(allowedLatenessMs);
    if (next == InstrumentBars.NO_TIMER) {
      state.clear();
    } else {
      wakeAt(next, bars, ctx.timerService());
      state.update(bars);
    }
  }

  /** Moves the instrument's one timer to {@code dueMs} if that is not where it is. */
  private static void wakeAt(long dueMs, InstrumentBars bars, TimerService timers) {
    if (dueMs == bars.wakeMs) {
      return;
    }
    if (bars.wakeMs != InstrumentBars.NO_TIMER) {
      timers.deleteEventTimeTimer(bars.wakeMs);
    }
    timers.registerEventTimeTimer(dueMs);
    bars.wakeMs = dueMs;
  }

  private record Due(int interval, OpenBar bar) {}
}
