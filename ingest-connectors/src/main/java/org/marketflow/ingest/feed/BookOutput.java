package org.marketflow.ingest.feed;

import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;

/** Where a book sync sends what it publishes: book snapshots and deltas, and feed health. */
public interface BookOutput {

  void book(BookUpdate update);

  void status(FeedStatus status);
}
