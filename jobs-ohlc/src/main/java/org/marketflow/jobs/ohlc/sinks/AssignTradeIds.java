package org.marketflow.jobs.ohlc.sinks;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.schemas.avro.Trade;

/**
 * Gives each trade without a venue trade id or sequence its archive id ({@link TradeArchiveIds}):
 * the digest of its time, price, size and side, numbered by how many identical trades of the
 * instrument came before it. Keyed by instrument ({@link Instrument}); an instrument's trades come
 * from one Kafka partition, in its order, so a replay numbers them as the first run did. Every
 * other trade passes as it is; a numbered trade is a new record, with the id as its trade id.
 *
 * <p>State: per instrument and millisecond of exchange time, the digests seen and how often, for
 * trades without an id only. An event-time timer clears a millisecond's digests once the watermark
 * is {@link #HORIZON_MS} past it; a trade identical to an earlier one and later than that would be
 * numbered 0 again and taken for the earlier one. Identical trades come from one venue message, at
 * one time, so they arrive together.
 */
public class AssignTradeIds extends KeyedProcessFunction<String, Trade, Trade> {

  /** How long past an exchange time, in event time, its trades' digests are kept. */
  public static final long HORIZON_MS = 60_000L;

  /** Exchange time in ms → digest → trades seen with it. */
  private transient MapState<Long, Map<String, Integer>> seen;

  @Override
  public void open(OpenContext context) {
    seen =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "trade-digests-by-exchange-ms",
                    Types.LONG,
                    Types.MAP(Types.STRING, Types.INT)));
  }

  @Override
  public void processElement(Trade trade, Context ctx, Collector<Trade> out) throws Exception {
    if (!TradeArchiveIds.hasNoVenueId(trade)) {
      out.collect(trade);
      return;
    }
    long timeMs = Math.floorDiv(trade.getExchangeTimeUs(), 1_000L);
    Map<String, Integer> digests = seen.get(timeMs);
    if (digests == null) {
      digests = new HashMap<>();
      ctx.timerService().registerEventTimeTimer(timeMs + HORIZON_MS);
    }
    String digest = TradeArchiveIds.digest(trade);
    int earlier = digests.getOrDefault(digest, 0);
    digests.put(digest, earlier + 1);
    seen.put(timeMs, digests);
    out.collect(
        Trade.newBuilder(trade).setTradeId(TradeArchiveIds.numbered(digest, earlier)).build());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Trade> out) throws Exception {
    seen.remove(timestamp - HORIZON_MS);
  }

  /** Trades are numbered per instrument. */
  public static class Instrument implements KeySelector<Trade, String> {

    @Override
    public String getKey(Trade trade) {
      return trade.getInstrument();
    }
  }
}
