package org.marketflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.analytics.records.RegimeReading;

/** Regime readings keyed by instrument. */
public class ReadingInstrument implements KeySelector<RegimeReading, String> {

  @Override
  public String getKey(RegimeReading reading) {
    return reading.instrument;
  }
}
