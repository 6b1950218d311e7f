package org.marketflow.jobs.microstructure.functions;

import java.util.List;
import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.jobs.microstructure.records.SerializedEvents;

/**
 * Keys a list of one instrument's events, never empty, by the instrument's id: on the shuffle's
 * receiving side from the first event's bytes, without decoding it.
 */
public class EventsInstrument implements KeySelector<List<InstrumentEvent>, String> {

  @Override
  public String getKey(List<InstrumentEvent> events) {
    if (events instanceof SerializedEvents serialized) {
      return serialized.instrument(0);
    }
    return events.get(0).instrument();
  }
}
