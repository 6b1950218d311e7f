package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.OhlcBar;

/**
 * The statistics' liquidity input when the job reads none: no record, only the bars' watermarks, so
 * that the statistics wait for nothing else. Chained to the bars.
 */
public class NoLiquidity extends ProcessFunction<OhlcBar, Consumed<LiquidityMetrics>> {

  @Override
  public void processElement(OhlcBar bar, Context ctx, Collector<Consumed<LiquidityMetrics>> out) {}
}
