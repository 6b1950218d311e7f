package org.marketflow.ingest.simulator;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** Every record the simulator publishes, in order. */
public class RecordingOutput implements FeedOutput {

  public final List<SpecificRecordBase> records = new ArrayList<>();

  @Override
  public void trade(Trade trade) {
    records.add(trade);
  }

  @Override
  public void quote(Quote quote) {
    records.add(quote);
  }

  @Override
  public void book(BookUpdate update) {
    records.add(update);
  }

  @Override
  public void status(FeedStatus status) {
    records.add(status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    throw new AssertionError("the simulator makes no dead letters: " + reason);
  }

  public <T> List<T> all(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
