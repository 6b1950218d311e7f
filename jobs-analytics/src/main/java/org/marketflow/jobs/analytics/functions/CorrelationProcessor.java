package org.marketflow.jobs.analytics.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.records.CorrelationWindow;
import org.marketflow.jobs.analytics.records.WindowClose;
import org.marketflow.jobs.analytics.state.CorrelationState;
import org.marketflow.schemas.avro.CorrelationMatrix;

/**
 * Keyed by correlation window: buffers the closes of each sampling step until the watermark passes
 * the step's end B (an event-time timer at B − 1 ms: every bar starting before B is in), then takes
 * the step ({@link CorrelationAnalytics}) and emits its matrices. The same bars give the same
 * matrices whatever order they arrive in.
 *
 * <p>State: the buffered closes of steps the watermark has not passed (the watermark's lag of
 * bars), and one {@link CorrelationState}, bounded by the window. The window keys are fixed (five
 * at most), so nothing needs clearing.
 */
public class CorrelationProcessor
    extends KeyedProcessFunction<String, WindowClose, CorrelationMatrix> {

  private final int minSteps;
  private final int maxInstruments;
  private transient Map<String, CorrelationAnalytics> analytics;
  private transient ListState<WindowClose> pending;
  private transient ValueState<CorrelationState> state;
  private transient Counter refused;

  public CorrelationProcessor(int minSteps, int maxInstruments) {
    this.minSteps = minSteps;
    this.maxInstruments = maxInstruments;
  }

  @Override
  public void open(OpenContext openContext) {
    analytics = new HashMap<>();
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("pending", TypeInformation.of(WindowClose.class)));
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("window", TypeInformation.of(CorrelationState.class)));
    refused = getRuntimeContext().getMetricGroup().counter("correlationInstrumentsRefused");
  }

  @Override
  public void processElement(WindowClose close, Context ctx, Collector<CorrelationMatrix> out)
      throws Exception {
    CorrelationWindow window = window(close.window);
    long sampling = window.samplingMs();
    long boundary = Math.floorDiv(close.barStartMs, sampling) * sampling + sampling;
    CorrelationState s = state.value();
    if (s != null && boundary <= s.lastBoundaryMs) {
      return; // its step was taken: the bar came after the watermark passed it
    }
    pending.add(close);
    ctx.timerService().registerEventTimeTimer(boundary - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CorrelationMatrix> out)
      throws Exception {
    long boundary = timestamp + 1;
    List<WindowClose> step = new ArrayList<>();
    List<WindowClose> later = new ArrayList<>();
    for (WindowClose c : pending.get()) {
      (c.barStartMs < boundary ? step : later).add(c);
    }
    pending.update(later);
    CorrelationState s = state.value();
    if (s == null) {
      s = new CorrelationState();
    }
    CorrelationAnalytics.Step result =
        analytics
            .computeIfAbsent(
                ctx.getCurrentKey(),
                key -> new CorrelationAnalytics(window(key), minSteps, maxInstruments))
            .step(s, boundary, step);
    state.update(s);
    refused.inc(result.refusedInstruments());
    result.matrices().forEach(out::collect);
  }

  private static CorrelationWindow window(String label) {
    return CorrelationWindow.fromLabel(label)
        .orElseThrow(() -> new IllegalStateException("unknown correlation window " + label));
  }
}
