package org.marketflow.jobs.microstructure.functions;

import java.util.List;
import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;

/** Keys a list of one instrument's events, never empty, by the instrument's id. */
public class EventsInstrument implements KeySelector<List<InstrumentEvent>, String> {

  @Override
  public String getKey(List<InstrumentEvent> events) {
    return events.get(0).instrument();
  }
}
