package org.marketflow.jobs.analytics.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.analytics.records.RegimeReading;
import org.marketflow.schemas.avro.MarketRegimeIndicators;

/**
 * Keyed by instrument: fills each regime record's liquidity and correlation regimes from the
 * readings of the other operators ({@link RegimeReading}), in event time. A record ending at T
 * waits until the watermark of both inputs passes T − 1 ms (an event-time timer): by then every
 * liquidity value of minutes up to T and the correlation step ending at T are in. It then takes, of
 * each kind, the reading with the latest start that holds at T; a kind without one leaves its field
 * null. The records leave in the order of T.
 *
 * <p>A record reaching the operator behind its watermark leaves at once with the readings held. A
 * reading is kept until the watermark passes the end of the times it holds for (a timer there), so
 * the state is the records waiting for the watermark and the readings of the next few minutes; an
 * instrument with readings and no records (liquidity without bars) is cleared the same way.
 */
public class RegimeJoin
    extends KeyedCoProcessFunction<
        String, MarketRegimeIndicators, RegimeReading, MarketRegimeIndicators> {

  private transient MapState<Long, MarketRegimeIndicators> pending;
  private transient ListState<RegimeReading> readings;

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending-regimes",
                    Types.LONG,
                    TypeInformation.of(MarketRegimeIndicators.class)));
    readings =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("readings", TypeInformation.of(RegimeReading.class)));
  }

  @Override
  public void processElement1(
      MarketRegimeIndicators regime, Context ctx, Collector<MarketRegimeIndicators> out)
      throws Exception {
    long timeMs = Math.floorDiv(regime.getTimestampUs(), 1_000L);
    if (timeMs - 1 <= ctx.timerService().currentWatermark()) {
      out.collect(filled(regime, timeMs));
      return;
    }
    pending.put(timeMs, regime);
    ctx.timerService().registerEventTimeTimer(timeMs - 1);
  }

  @Override
  public void processElement2(
      RegimeReading reading, Context ctx, Collector<MarketRegimeIndicators> out) throws Exception {
    if (reading.untilMs - 1 <= ctx.timerService().currentWatermark()) {
      return; // it holds only for records the watermark has passed
    }
    readings.add(reading);
    ctx.timerService().registerEventTimeTimer(reading.untilMs - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<MarketRegimeIndicators> out)
      throws Exception {
    long watermark = ctx.timerService().currentWatermark();
    List<Long> due = new ArrayList<>();
    for (Long timeMs : pending.keys()) {
      if (timeMs - 1 <= watermark) {
        due.add(timeMs);
      }
    }
    due.sort(null);
    for (long timeMs : due) {
      out.collect(filled(pending.get(timeMs), timeMs));
      pending.remove(timeMs);
    }
    List<RegimeReading> kept = new ArrayList<>();
    for (RegimeReading reading : readings.get()) {
      if (reading.untilMs - 1 > watermark) {
        kept.add(reading);
      }
    }
    readings.update(kept); // an empty list clears the state
  }

  /** {@code regime} with the readings that hold at {@code timeMs}. */
  private MarketRegimeIndicators filled(MarketRegimeIndicators regime, long timeMs)
      throws Exception {
    RegimeReading liquidity = null;
    RegimeReading correlation = null;
    for (RegimeReading reading : readings.get()) {
      if (!reading.holdsAt(timeMs)) {
        continue;
      }
      if (reading.kind == RegimeReading.Kind.LIQUIDITY) {
        liquidity = later(liquidity, reading);
      } else {
        correlation = later(correlation, reading);
      }
    }
    return MarketRegimeIndicators.newBuilder(regime)
        .setLiquidityRegime(liquidity == null ? null : liquidity.regime)
        .setCorrelationRegime(correlation == null ? null : correlation.regime)
        .build();
  }

  /** The reading of the later start; of equal starts the one received last. */
  private static RegimeReading later(RegimeReading held, RegimeReading next) {
    return held == null || next.fromMs >= held.fromMs ? next : held;
  }
}
