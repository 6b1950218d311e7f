package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.analytics.state.InstrumentHistory;
import org.marketflow.schemas.avro.MarketAnomaly;
import org.marketflow.schemas.avro.MarketRegimeIndicators;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.avro.VolatilityMetrics;

/**
 * Keyed by instrument: each final 1-minute bar, in the order the bars topic holds them (one
 * instrument, one partition), through {@link InstrumentAnalytics}; volatility on the main output,
 * regimes and anomalies on side outputs. A bar not later than the instrument's last one is counted
 * ({@code staleAnalyticsBars}) and left out.
 *
 * <p>State: one {@link InstrumentHistory} per instrument, bounded (a day of bars, 30 days of hourly
 * volatilities), cleared by a state TTL of {@link #IDLE_DAYS} days without a bar: an instrument
 * that stops trading leaves nothing behind.
 */
public class InstrumentAnalyticsProcessor
    extends KeyedProcessFunction<String, OhlcBar, VolatilityMetrics> {

  public static final OutputTag<MarketRegimeIndicators> REGIMES =
      new OutputTag<>("regimes", TypeInformation.of(MarketRegimeIndicators.class));
  public static final OutputTag<MarketAnomaly> ANOMALIES =
      new OutputTag<>("anomalies", TypeInformation.of(MarketAnomaly.class));

  /** Days without a bar after which an instrument's history is dropped. */
  public static final int IDLE_DAYS = 30;

  private final InstrumentAnalytics analytics;
  private transient ValueState<InstrumentHistory> history;
  private transient Counter staleBars;

  public InstrumentAnalyticsProcessor(InstrumentAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<InstrumentHistory> descriptor =
        new ValueStateDescriptor<>("history", TypeInformation.of(InstrumentHistory.class));
    descriptor.enableTimeToLive(
        org.apache.flink.api.common.state.StateTtlConfig.newBuilder(
                java.time.Duration.ofDays(IDLE_DAYS))
            .build());
    history = getRuntimeContext().getState(descriptor);
    staleBars = getRuntimeContext().getMetricGroup().counter("staleAnalyticsBars");
  }

  @Override
  public void processElement(OhlcBar bar, Context ctx, Collector<VolatilityMetrics> out)
      throws Exception {
    InstrumentHistory h = history.value();
    if (h == null) {
      h = new InstrumentHistory();
    }
    if (Math.floorDiv(bar.getBucketStartUs(), 1_000L) <= h.lastStartMs()) {
      staleBars.inc();
      return;
    }
    InstrumentAnalytics.Outputs outputs = analytics.onBar(h, bar);
    history.update(h);
    outputs.volatility().forEach(out::collect);
    ctx.output(REGIMES, outputs.regime());
    outputs.anomalies().forEach(a -> ctx.output(ANOMALIES, a));
  }
}
