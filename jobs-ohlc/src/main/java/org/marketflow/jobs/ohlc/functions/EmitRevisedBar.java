package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/**
 * Turns a fired window into an {@link OhlcBar}. The first firing (the watermark passing the end of
 * the bar) is revision 0; each late trade within the allowed lateness fires the window again and
 * emits the whole bar with the next revision, which replaces the stored one downstream.
 */
public class EmitRevisedBar
    extends ProcessWindowFunction<OhlcAccumulator, OhlcBar, String, TimeWindow> {

  // Per-window state: cleared by clear() when the window is purged at end + allowed lateness.
  private static final ValueStateDescriptor<Integer> REVISION =
      new ValueStateDescriptor<>("revision", Integer.class);

  private final String intervalCode;

  public EmitRevisedBar(BarInterval interval) {
    this.intervalCode = interval.code();
  }

  @Override
  public void process(
      String instrument,
      Context context,
      Iterable<OhlcAccumulator> accumulators,
      Collector<OhlcBar> out)
      throws Exception {
    OhlcAccumulator bar = accumulators.iterator().next();
    ValueState<Integer> revisionState = context.windowState().getState(REVISION);
    Integer previous = revisionState.value();
    int revision = previous == null ? 0 : previous + 1;
    revisionState.update(revision);
    out.collect(
        OhlcBar.newBuilder()
            .setInstrument(instrument)
            .setInterval(intervalCode)
            .setBucketStartUs(context.window().getStart() * 1_000L)
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
            .build());
  }

  @Override
  public void clear(Context context) {
    context.windowState().getState(REVISION).clear();
  }
}
