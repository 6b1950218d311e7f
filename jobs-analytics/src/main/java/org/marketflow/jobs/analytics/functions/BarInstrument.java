package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.schemas.avro.OhlcBar;

/** Bars keyed by instrument. */
public class BarInstrument implements KeySelector<OhlcBar, String> {

  @Override
  public String getKey(OhlcBar bar) {
    return bar.getInstrument();
  }
}
