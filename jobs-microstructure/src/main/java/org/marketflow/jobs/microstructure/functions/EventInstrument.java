package org.marketflow.jobs.microstructure.functions;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;

/** Keys an instrument's events by its id. */
public class EventInstrument implements KeySelector<InstrumentEvent, String> {

  @Override
  public String getKey(InstrumentEvent event) {
    return event.instrument();
  }
}
