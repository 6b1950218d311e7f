package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.common.functions.FilterFunction;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/** The bars the analytics read: the final revision of each 1-minute bar. */
public class FinalMinuteBars implements FilterFunction<OhlcBar> {

  private static final String ONE_MINUTE = BarInterval.M1.code();

  @Override
  public boolean filter(OhlcBar bar) {
    return bar.getIsFinal() && ONE_MINUTE.equals(bar.getInterval());
  }
}
