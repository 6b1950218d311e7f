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
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.jobs.analytics.state.LiquidityHistory;
import org.marketflow.schemas.avro.LiquidityMetrics;

/**
 * Keyed by instrument: each liquidity value, in the order the liquidity topic holds them (one
 * instrument, one partition), through {@link LiquidityAnalytics}; the regime readings on the main
 * output, liquidity holes on {@link InstrumentAnalyticsProcessor#ANOMALIES}. A value without a
 * total liquidity (no USD rate) is left out; a value not later than the instrument's last one is
 * counted ({@code staleLiquidityValues}) and left out.
 *
 * <p>State: one {@link LiquidityHistory} per instrument, bounded by the trailing minutes, cleared
 * by a state TTL of {@link InstrumentAnalyticsProcessor#IDLE_DAYS} days without a value.
 */
public class LiquidityProcessor
    extends KeyedProcessFunction<String, LiquidityMetrics, RegimeReading> {

  private final LiquidityAnalytics analytics;
  private transient ValueState<LiquidityHistory> history;
  private transient Counter staleValues;

  public LiquidityProcessor(LiquidityAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<LiquidityHistory> descriptor =
        new ValueStateDescriptor<>("liquidity", TypeInformation.of(LiquidityHistory.class));
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(Duration.ofDays(InstrumentAnalyticsProcessor.IDLE_DAYS)).build());
    history = getRuntimeContext().getState(descriptor);
    staleValues = getRuntimeContext().getMetricGroup().counter("staleLiquidityValues");
  }

  @Override
  public void processElement(LiquidityMetrics value, Context ctx, Collector<RegimeReading> out)
      throws Exception {
    if (value.getTotalLiquidityUsd() == null) {
      return;
    }
    LiquidityHistory h = history.value();
    if (h == null) {
      h = new LiquidityHistory();
    }
    if (Math.floorDiv(value.getBucketStartUs(), 1_000L) <= h.lastStartMs) {
      staleValues.inc();
      return;
    }
    LiquidityAnalytics.Outputs outputs = analytics.onValue(h, value);
    history.update(h);
    out.collect(outputs.reading());
    if (outputs.hole() != null) {
      ctx.output(InstrumentAnalyticsProcessor.ANOMALIES, outputs.hole());
    }
  }
}
