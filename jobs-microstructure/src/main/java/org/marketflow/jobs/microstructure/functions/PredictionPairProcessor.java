package org.marketflow.jobs.microstructure.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.microstructure.records.DerivedRecords;
import org.marketflow.jobs.microstructure.records.SecondQuote;
import org.marketflow.jobs.microstructure.state.PairState;
import org.marketflow.schemas.avro.PredictionPairMetrics;

/**
 * A prediction-market outcome's YES and NO books side by side, keyed by the outcome ({@code
 * PARIFLOW:<eventId>:<outcomeId>}), from the books' {@link SecondQuote}s: one {@link
 * PredictionPairMetrics} for each second in which either book had events and either was synced at
 * its end. A book without events in that second stands at its latest quote; a side never seen, or
 * unsynced, has no prices.
 *
 * <p>The quotes of a second are buffered until the watermark passes its end (the two books may be
 * on different subtasks, one ahead of the other); then they replace the sides' latest quotes and
 * the pair is emitted. State bounds: a second's quotes (two at most) are removed when it is
 * emitted; the latest quotes are cleared {@code idleTimeout} after the outcome's last quote.
 */
public class PredictionPairProcessor
    extends KeyedProcessFunction<String, SecondQuote, PredictionPairMetrics> {

  private static final long serialVersionUID = 1L;

  private static final long SECOND_US = 1_000_000L;

  private final long idleTimeoutMs;

  private transient MapState<Long, List<SecondQuote>> pending;
  private transient ValueState<PairState> pairState;

  public PredictionPairProcessor(Duration idleTimeout) {
    this.idleTimeoutMs = idleTimeout.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "pending", Types.LONG, Types.LIST(TypeInformation.of(SecondQuote.class))));
    pairState =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("pair", TypeInformation.of(PairState.class)));
  }

  @Override
  public void processElement(SecondQuote quote, Context ctx, Collector<PredictionPairMetrics> out)
      throws Exception {
    List<SecondQuote> quotes = pending.get(quote.bucketStartUs);
    if (quotes == null) {
      quotes = new ArrayList<>(2);
    }
    quotes.add(quote);
    pending.put(quote.bucketStartUs, quotes);
    long lastMs = (quote.bucketStartUs + SECOND_US) / 1_000L - 1;
    ctx.timerService().registerEventTimeTimer(lastMs);
    PairState state = pairState.value();
    if (state == null) {
      state = new PairState();
    }
    state.idle.touch(lastMs, ctx.timerService(), idleTimeoutMs);
    pairState.update(state);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<PredictionPairMetrics> out)
      throws Exception {
    PairState state = pairState.value();
    if (state == null) {
      return;
    }
    long bucketStartUs = (timestamp + 1) * 1_000L - SECOND_US;
    List<SecondQuote> quotes = pending.get(bucketStartUs);
    if (quotes != null) {
      pending.remove(bucketStartUs);
      for (SecondQuote quote : quotes) {
        if (quote.isYes()) {
          state.yes = quote;
        } else {
          state.no = quote;
        }
      }
      if (synced(state.yes) || synced(state.no)) {
        out.collect(
            DerivedRecords.pair(
                ctx.getCurrentKey(),
                bucketStartUs,
                bid(state.yes),
                ask(state.yes),
                bid(state.no),
                ask(state.no)));
      }
    }
    if (state.idle.expired(timestamp, ctx.timerService(), idleTimeoutMs)) {
      pending.clear();
      pairState.clear();
      return;
    }
    pairState.update(state);
  }

  private static boolean synced(SecondQuote quote) {
    return quote != null && quote.synced;
  }

  private static double bid(SecondQuote quote) {
    return quote == null ? Double.NaN : quote.bid;
  }

  private static double ask(SecondQuote quote) {
    return quote == null ? Double.NaN : quote.ask;
  }
}
