package org.marketflow.jobs.ohlc.records;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.marketflow.jobs.common.records.SerializerTypeInfo;
import org.marketflow.jobs.ohlc.state.PartialBarSerializer;

/**
 * Trades of one instrument in one bar of the smallest interval, folded before the shuffle: what
 * crosses the network to the bar operator in place of the trades themselves.
 */
public final class PartialBar {

  public static final TypeInformation<PartialBar> TYPE =
      new SerializerTypeInfo<>(PartialBar.class, PartialBarSerializer.INSTANCE);

  public String instrument;

  /** The start of the smallest interval's bar the trades fall in, epoch ms. */
  public long startMs;

  public OhlcAccumulator values;

  public PartialBar() {}

  public PartialBar(String instrument, long startMs, OhlcAccumulator values) {
    this.instrument = instrument;
    this.startMs = startMs;
    this.values = values;
  }

  @Override
  public String toString() {
    return instrument + "@" + startMs + " (" + values.tradeCount + " trades)";
  }
}
