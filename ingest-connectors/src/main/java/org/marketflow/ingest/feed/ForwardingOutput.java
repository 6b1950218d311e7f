package org.marketflow.ingest.feed;

import java.util.Objects;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * An output that passes everything on to the one it wraps: a base for outputs that look at what a
 * feed publishes (counts, metrics) and override only what they look at.
 */
public abstract class ForwardingOutput implements FeedOutput {

  private final FeedOutput next;

  protected ForwardingOutput(FeedOutput next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void trade(Trade trade) {
    next.trade(trade);
  }

  @Override
  public void quote(Quote quote) {
    next.quote(quote);
  }

  @Override
  public void book(BookUpdate update) {
    next.book(update);
  }

  @Override
  public void status(FeedStatus status) {
    next.status(status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    next.deadLetter(stage, reason, origin, atUs, raw);
  }

  @Override
  public void received(String instrument, String type) {
    next.received(instrument, type);
  }

  @Override
  public void ignored(String instrument, String why) {
    next.ignored(instrument, why);
  }

  @Override
  public void checksumVerified(String instrument) {
    next.checksumVerified(instrument);
  }

  @Override
  public void flush() {
    next.flush();
  }
}
