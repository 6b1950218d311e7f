package org.marketflow.ingest.kraken;

import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** Keeps everything a feed publishes, in order, for the tests to look at. */
final class CollectingOutput implements FeedOutput {

  /** A dead letter as the feed handed it over. */
  record DeadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {}

  final List<Object> published = new ArrayList<>();
  final List<BookUpdate> books = new ArrayList<>();
  final List<FeedStatus> statuses = new ArrayList<>();
  final List<Trade> trades = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<String> received = new ArrayList<>();
  final List<String> ignored = new ArrayList<>();
  int checksumsVerified;

  @Override
  public void book(BookUpdate update) {
    books.add(update);
    published.add(update);
  }

  @Override
  public void status(FeedStatus status) {
    statuses.add(status);
    published.add(status);
  }

  @Override
  public void trade(Trade trade) {
    trades.add(trade);
    published.add(trade);
  }

  @Override
  public void quote(Quote quote) {
    published.add(quote);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    deadLetters.add(new DeadLetter(stage, reason, origin, atUs, raw));
  }

  @Override
  public void received(String instrument, String type) {
    received.add(type);
  }

  @Override
  public void checksumVerified(String instrument) {
    checksumsVerified++;
  }

  @Override
  public void ignored(String instrument, String why) {
    ignored.add(why);
  }
}
