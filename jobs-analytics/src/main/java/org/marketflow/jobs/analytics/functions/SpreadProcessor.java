package org.marketflow.jobs.analytics.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.state.SpreadHistory;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketMicrostructure;

/**
 * Keyed by instrument: the microstructure job's seconds, each one's quoted spread ({@code
 * spreadBps}) added to its minute; when the watermark passes a minute's end (an event-time timer at
 * the end − 1 ms, so every second of the minute is in) the minute is taken by {@link
 * SpreadAnalytics} and its spread blowout, if any, emitted. A second without a spread (a one-sided
 * book) is left out; a second of a minute already taken is counted ({@code lateSpreadSeconds}) and
 * left out. The same seconds give the same minutes whatever order they arrive in.
 *
 * <p>State: one {@link SpreadHistory} per instrument (the open minutes and the trailing minutes'
 * means), cleared by a state TTL of {@link InstrumentAnalyticsProcessor#IDLE_DAYS} days without a
 * second; one timer per open minute.
 */
public class SpreadProcessor
    extends KeyedProcessFunction<String, MarketMicrostructure, MarketAnomaly> {

  private final SpreadAnalytics analytics;
  private transient ValueState<SpreadHistory> history;
  private transient Counter lateSeconds;

  public SpreadProcessor(SpreadAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<SpreadHistory> descriptor =
        new ValueStateDescriptor<>("spread", TypeInformation.of(SpreadHistory.class));
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(Duration.ofDays(InstrumentAnalyticsProcessor.IDLE_DAYS)).build());
    history = getRuntimeContext().getState(descriptor);
    lateSeconds = getRuntimeContext().getMetricGroup().counter("lateSpreadSeconds");
  }

  @Override
  public void processElement(MarketMicrostructure second, Context ctx, Collector<MarketAnomaly> out)
      throws Exception {
    Double spread = second.getSpreadBps();
    if (spread == null) {
      return;
    }
    long startMs = Math.floorDiv(second.getBucketStartUs(), 1_000L);
    SpreadHistory h = history.value();
    if (h == null) {
      h = new SpreadHistory();
    }
    long minute = SpreadAnalytics.minuteOf(startMs);
    if (minute <= h.lastClosedMs) {
      lateSeconds.inc();
      return;
    }
    if (SpreadAnalytics.addSecond(h, startMs, spread)) {
      ctx.timerService().registerEventTimeTimer(minute + SpreadAnalytics.MINUTE_MS - 1);
    }
    history.update(h);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MarketAnomaly> out)
      throws Exception {
    SpreadHistory h = history.value();
    if (h == null) {
      return; // dropped by the TTL
    }
    MarketAnomaly blowout =
        analytics.takeMinute(h, ctx.getCurrentKey(), timestamp + 1 - SpreadAnalytics.MINUTE_MS);
    history.update(h);
    if (blowout != null) {
      out.collect(blowout);
    }
  }
}
