package org.marketflow.jobs.analytics.functions;

import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.records.RegimeEdge;
import org.marketflow.jobs.analytics.records.RegimeTransition;
import org.marketflow.jobs.analytics.state.EdgeTally;

/**
 * Keyed by the regime left: tallies the transitions out of it over every instrument and, after
 * each, emits every edge out of it with its count, probability (its share of the transitions out of
 * the regime), mean duration in hours and the triggers seen. The tallies do not depend on the order
 * transitions arrive in. State: one tally per edge, at most the 8 × 7 regime pairs.
 */
public class TransitionStatistics
    extends KeyedProcessFunction<String, RegimeTransition, RegimeEdge> {

  private static final double HOUR_MS = 3_600_000.0;

  private transient MapState<String, EdgeTally> edges;

  @Override
  public void open(OpenContext openContext) {
    edges =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "edges", Types.STRING, TypeInformation.of(EdgeTally.class)));
  }

  @Override
  public void processElement(RegimeTransition t, Context ctx, Collector<RegimeEdge> out)
      throws Exception {
    EdgeTally tally = edges.get(t.to);
    if (tally == null) {
      tally = new EdgeTally();
    }
    tally.count++;
    tally.totalDurationMs += t.durationMs;
    TreeSet<String> triggers = new TreeSet<>(java.util.List.of(tally.triggers));
    triggers.addAll(java.util.List.of(t.triggers));
    tally.triggers = triggers.toArray(String[]::new);
    edges.put(t.to, tally);

    long total = 0;
    for (EdgeTally e : edges.values()) {
      total += e.count;
    }
    for (Map.Entry<String, EdgeTally> e : edges.entries()) {
      RegimeEdge edge = new RegimeEdge();
      edge.from = ctx.getCurrentKey();
      edge.to = e.getKey();
      edge.count = e.getValue().count;
      edge.fromTotal = total;
      edge.probability = (double) edge.count / total;
      edge.avgDurationHours = e.getValue().totalDurationMs / HOUR_MS / edge.count;
      edge.triggerConditions = e.getValue().triggers;
      out.collect(edge);
    }
  }
}
