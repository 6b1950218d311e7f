package org.marketflow.benchmarks.flink;

import org.apache.flink.api.java.functions.KeySelector;
import org.marketflow.jobs.common.records.Consumed;
import org.marketflow.schemas.avro.BookUpdate;

/** The instrument of a book update read from Kafka; rejected records go to an empty key. */
public final class ConsumedInstrument implements KeySelector<Consumed<BookUpdate>, String> {

  @Override
  public String getKey(Consumed<BookUpdate> consumed) {
    return consumed.value == null ? "" : consumed.value.getInstrument();
  }
}
