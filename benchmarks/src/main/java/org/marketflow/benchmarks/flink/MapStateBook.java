package org.marketflow.benchmarks.flink;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;

/**
 * (c)'s book: an instrument's levels in a {@code MapState<Double, Double>} (price to size) per
 * side, a snapshot replacing them, a delta's levels put or, at size 0, removed. Emits the book's
 * spread after each update, found as a tick would need it: the best price of each side, by a scan
 * of the side's keys (a {@code MapState} keeps no order). No sequence checks, ordering, metrics or
 * outputs beyond that: the obvious book, against which the job's operator is measured. Its state is
 * never cleared; it runs only in the benchmark, on a bounded topic.
 */
public final class MapStateBook extends KeyedProcessFunction<String, Consumed<BookUpdate>, Double> {

  private transient MapState<Double, Double> bids;
  private transient MapState<Double, Double> asks;

  @Override
  public void open(OpenContext openContext) {
    bids =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("bids", Types.DOUBLE, Types.DOUBLE));
    asks =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("asks", Types.DOUBLE, Types.DOUBLE));
  }

  @Override
  public void processElement(Consumed<BookUpdate> consumed, Context ctx, Collector<Double> out)
      throws Exception {
    BookUpdate update = consumed.value;
    if (update == null) {
      return; // rejected by the source's decoding: the job's dead letters, not counted here
    }
    if (update.getKind() == BookUpdateKind.SNAPSHOT) {
      bids.clear();
      asks.clear();
    }
    apply(bids, update.getBids());
    apply(asks, update.getAsks());
    out.collect(best(asks, false) - best(bids, true));
  }

  private static void apply(MapState<Double, Double> side, List<BookLevel> levels)
      throws Exception {
    for (BookLevel level : levels) {
      if (level.getSize() == 0) {
        side.remove(level.getPrice());
      } else {
        side.put(level.getPrice(), level.getSize());
      }
    }
  }

  /** The highest price of {@code side} if {@code highest}, else the lowest; NaN when empty. */
  private static double best(MapState<Double, Double> side, boolean highest) throws Exception {
    double best = Double.NaN;
    for (double price : side.keys()) {
      if (Double.isNaN(best) || (highest ? price > best : price < best)) {
        best = price;
      }
    }
    return best;
  }
}
