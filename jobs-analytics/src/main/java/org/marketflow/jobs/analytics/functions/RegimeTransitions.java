package org.marketflow.jobs.analytics.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.records.RegimeTransition;
import org.marketflow.jobs.analytics.state.RegimeSpell;
import org.marketflow.schemas.avro.MarketRegimeIndicators;

/**
 * Keyed by instrument: a transition each time the instrument's named regime ({@code
 * <LOW|MEDIUM|HIGH|UNKNOWN>_VOL_<TRENDING|RANGING>}) changes, with the time spent in the one it
 * left and what changed. State: the current regime and its start, cleared by a TTL after 30 days
 * without a record.
 */
public class RegimeTransitions
    extends KeyedProcessFunction<String, MarketRegimeIndicators, RegimeTransition> {

  private static final List<String> VOLATILITY = List.of("LOW", "MEDIUM", "HIGH");

  private transient ValueState<RegimeSpell> spell;

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<RegimeSpell> descriptor =
        new ValueStateDescriptor<>("spell", TypeInformation.of(RegimeSpell.class));
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(Duration.ofDays(InstrumentAnalyticsProcessor.IDLE_DAYS)).build());
    spell = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(
      MarketRegimeIndicators record, Context ctx, Collector<RegimeTransition> out)
      throws Exception {
    String regime = record.getRegime().toString();
    long atMs = record.getTimestampUs() / 1_000L;
    RegimeSpell current = spell.value();
    if (current != null && current.regime.equals(regime)) {
      return;
    }
    if (current != null) {
      RegimeTransition transition = new RegimeTransition();
      transition.instrument = ctx.getCurrentKey();
      transition.from = current.regime;
      transition.to = regime;
      transition.atMs = atMs;
      transition.durationMs = atMs - current.sinceMs;
      transition.triggers = triggers(current.regime, regime);
      out.collect(transition);
    }
    RegimeSpell next = new RegimeSpell();
    next.regime = regime;
    next.sinceMs = atMs;
    spell.update(next);
  }

  /** volatility_spike / volatility_drop when the volatility part rose / fell; trend_start/_end. */
  static String[] triggers(String from, String to) {
    List<String> triggers = new ArrayList<>();
    int before = VOLATILITY.indexOf(from.substring(0, from.indexOf("_VOL_")));
    int after = VOLATILITY.indexOf(to.substring(0, to.indexOf("_VOL_")));
    if (before >= 0 && after >= 0 && after != before) {
      triggers.add(after > before ? "volatility_spike" : "volatility_drop");
    }
    boolean wasTrending = from.endsWith("TRENDING");
    boolean isTrending = to.endsWith("TRENDING");
    if (wasTrending != isTrending) {
      triggers.add(isTrending ? "trend_start" : "trend_end");
    }
    return triggers.toArray(String[]::new);
  }
}
