package org.marketflow.jobs.ohlc.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.OhlcBar;

/** Statistics are per instrument: its bars and its liquidity values meet on the same key. */
public final class StatisticsInstrument {

  private StatisticsInstrument() {}

  /** A bar's instrument. */
  public static class OfBar implements KeySelector<OhlcBar, String> {
    @Override
    public String getKey(OhlcBar bar) {
      return bar.getInstrument();
    }
  }

  /** A liquidity value's instrument. */
  public static class OfLiquidity implements KeySelector<Consumed<LiquidityMetrics>, String> {
    @Override
    public String getKey(Consumed<LiquidityMetrics> liquidity) {
      return liquidity.value.getInstrument();
    }
  }
}
