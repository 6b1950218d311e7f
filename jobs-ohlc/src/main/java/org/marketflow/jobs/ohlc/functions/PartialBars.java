package org.marketflow.jobs.ohlc.functions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.marketflow.jobs.common.functions.SendBeforeWatermark;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.jobs.ohlc.records.PartialBar;
import org.marketflow.jobs.ohlc.state.OpenBarTradeIds;
import org.marketflow.jobs.ohlc.state.TradeIdKey;
import org.marketflow.jobs.ohlc.state.TradeIdSet;
import org.marketflow.schemas.avro.Trade;

/**
 * Folds trades into partial bars of the smallest interval before the shuffle, as Flink SQL's
 * local-global aggregation does: the bar operator ({@link BarsProcessor}) then receives one record
 * per instrument and bar where it would receive every trade. It runs in the source's chain, so it
 * sees only its own Kafka partitions; a topic keyed by instrument gives every trade of an
 * instrument, and every repetition of it, to the same instance.
 *
 * <ul>
 *   <li>A trade is too late when the watermark this operator has seen has passed its smallest bar's
 *       end plus the allowed lateness; it goes to {@link #LATE}. The bar operator's watermark is
 *       the least of its inputs', never ahead of this one, so no bar it has finalized gets a
 *       partial.
 *   <li>A trade whose id key ({@link TradeIdKey}) is already in its smallest bar goes to {@link
 *       #DUPLICATES}. The keys stay until the watermark passes the bar's end plus the allowed
 *       lateness, in operator list state. Not union list state, which would give every instance
 *       every key after a rescale but stops checkpoints once one instance of a bounded run has
 *       finished before the others (Flink declines them). So after a change of parallelism, the
 *       keys of the bars open at the checkpoint are spread over the new instances, and a repeat of
 *       a trade from before it may pass into a bar that is still open then.
 *   <li>An instrument's partial bar is sent when one of its trades falls in another bar, when a
 *       watermark or an idle status arrives (before passing it on, so that the watermark never
 *       overtakes a trade), before a checkpoint barrier (no partial bar is ever in a checkpoint)
 *       and at the end of a bounded input.
 * </ul>
 *
 * <p>A partial bar's record carries the time of its latest trade.
 */
public final class PartialBars extends SendBeforeWatermark<Consumed<Trade>, PartialBar> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<Consumed<Trade>> LATE =
      new OutputTag<>("late-trades", Consumed.typeInfo(Trade.class));
  public static final OutputTag<Consumed<Trade>> DUPLICATES =
      new OutputTag<>("duplicate-trades", Consumed.typeInfo(Trade.class));

  private static final ListStateDescriptor<Tuple3<String, Long, long[]>> IDS =
      new ListStateDescriptor<>(
          "recent-trade-ids",
          Types.TUPLE(
              Types.STRING, Types.LONG, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
  private static final ListStateDescriptor<Long> WATERMARKS =
      new ListStateDescriptor<>("watermark", Types.LONG);

  private final long smallestMs;
  private final long allowedLatenessMs;

  private transient Map<String, Pending> pending;
  private transient OpenBarTradeIds ids;
  private transient long watermark;
  private transient ListState<Tuple3<String, Long, long[]>> idState;
  private transient ListState<Long> watermarkState;

  /**
   * @param smallestMs the smallest interval, in ms; every other interval must be a multiple of it
   * @param allowedLatenessMs how long after a bar's end a trade still revises it
   */
  public PartialBars(long smallestMs, long allowedLatenessMs) {
    if (smallestMs <= 0) {
      throw new IllegalArgumentException("interval of " + smallestMs + " ms");
    }
    this.smallestMs = smallestMs;
    this.allowedLatenessMs = allowedLatenessMs;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    pending = new HashMap<>();
    ids = new OpenBarTradeIds();
    watermark = Long.MIN_VALUE;
    idState = context.getOperatorStateStore().getListState(IDS);
    watermarkState = context.getOperatorStateStore().getListState(WATERMARKS);
    if (context.isRestored()) {
      ids.addAll(idState.get());
      // The least of the watermarks this instance gets: none of their instances had passed it.
      long least = Long.MAX_VALUE;
      for (Long restored : watermarkState.get()) {
        least = Math.min(least, restored);
      }
      watermark = least == Long.MAX_VALUE ? Long.MIN_VALUE : least;
    }
  }

  @Override
  public void processElement(StreamRecord<Consumed<Trade>> record) throws Exception {
    Trade trade = record.getValue().value;
    long timeMs = record.getTimestamp();
    long startMs = Math.floorDiv(timeMs, smallestMs) * smallestMs;
    if (startMs + smallestMs - 1 + allowedLatenessMs <= watermark) {
      output.collect(LATE, record);
      return;
    }
    String instrument = trade.getInstrument();
    Pending bar = pending.get(instrument);
    if (bar == null) {
      bar = new Pending(instrument);
      pending.put(instrument, bar);
    }
    long id = TradeIdKey.of(trade);
    if (id != TradeIdKey.NONE && !bar.idsOf(startMs, ids).add(id)) {
      output.collect(DUPLICATES, record);
      return;
    }
    if (bar.startMs != startMs) {
      bar.send(output);
    }
    bar.add(startMs, timeMs, trade);
  }

  @Override
  protected void watermarkArrived(long mark) {
    watermark = mark;
    // A bar's ids are forgotten once a trade in it would be late.
    if (watermark > Long.MIN_VALUE + allowedLatenessMs + smallestMs) {
      ids.forgetUpTo(watermark - allowedLatenessMs - smallestMs + 1);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    idState.update(ids.entries());
    watermarkState.update(List.of(watermark));
  }

  @Override
  protected void sendAll() {
    for (Pending bar : pending.values()) {
      bar.send(output);
    }
  }

  /** An instrument's trades in its current smallest bar, not sent yet, and that bar's ids. */
  private static final class Pending {

    final String instrument;
    long startMs = Long.MIN_VALUE;
    long timeMs;
    OhlcAccumulator values;
    long idsStartMs = Long.MIN_VALUE;
    TradeIdSet ids;

    Pending(String instrument) {
      this.instrument = instrument;
    }

    /** The trade ids of the bar at {@code barStartMs}, kept at hand for the bar's next trades. */
    TradeIdSet idsOf(long barStartMs, OpenBarTradeIds all) {
      if (ids == null || idsStartMs != barStartMs) {
        ids = all.of(instrument, barStartMs);
        idsStartMs = barStartMs;
      }
      return ids;
    }

    void add(long barStartMs, long tradeTimeMs, Trade trade) {
      if (values == null) {
        values = new OhlcAccumulator();
        startMs = barStartMs;
        timeMs = tradeTimeMs;
      }
      timeMs = Math.max(timeMs, tradeTimeMs);
      values.add(trade);
    }

    void send(Output<StreamRecord<PartialBar>> output) {
      if (values == null) {
        return;
      }
      output.collect(new StreamRecord<>(new PartialBar(instrument, startMs, values), timeMs));
      values = null;
    }
  }
}
