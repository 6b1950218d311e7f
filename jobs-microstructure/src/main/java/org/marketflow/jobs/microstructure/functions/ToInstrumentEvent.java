package org.marketflow.jobs.microstructure.functions;

import org.apache.flink.api.common.functions.MapFunction;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;

/** An accepted record of one of the three input topics as an {@link InstrumentEvent}. */
public final class ToInstrumentEvent {

  private ToInstrumentEvent() {}

  /** Book updates, as their leading fields and bytes: decoded after the shuffle. */
  public static class Book implements MapFunction<Consumed<EncodedBookUpdate>, InstrumentEvent> {
    @Override
    public InstrumentEvent map(Consumed<EncodedBookUpdate> consumed) {
      return InstrumentEvent.of(consumed.value, consumed.partition, consumed.offset);
    }
  }

  /** Trades. */
  public static class Trades implements MapFunction<Consumed<Trade>, InstrumentEvent> {
    @Override
    public InstrumentEvent map(Consumed<Trade> consumed) {
      return InstrumentEvent.of(consumed.value, consumed.partition, consumed.offset);
    }
  }

  /** Feed statuses. */
  public static class Status implements MapFunction<Consumed<FeedStatus>, InstrumentEvent> {
    @Override
    public InstrumentEvent map(Consumed<FeedStatus> consumed) {
      return InstrumentEvent.of(consumed.value, consumed.partition, consumed.offset);
    }
  }
}
