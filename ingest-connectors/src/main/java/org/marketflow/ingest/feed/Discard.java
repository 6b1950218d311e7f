package org.marketflow.ingest.feed;

import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** An output that keeps nothing: for a feed run only for its counts or its books. */
public enum Discard implements FeedOutput {
  INSTANCE;

  @Override
  public void trade(Trade trade) {}

  @Override
  public void quote(Quote quote) {}

  @Override
  public void book(BookUpdate update) {}

  @Override
  public void status(FeedStatus status) {}

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {}
}
