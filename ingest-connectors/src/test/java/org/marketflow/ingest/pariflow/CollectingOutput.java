package org.marketflow.ingest.pariflow;

import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** Keeps everything a feed sends, in order. */
final class CollectingOutput implements FeedOutput {

  record DeadLetterCall(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {}

  final List<Trade> trades = new ArrayList<>();
  final List<BookUpdate> books = new ArrayList<>();
  final List<FeedStatus> statuses = new ArrayList<>();
  final List<DeadLetterCall> deadLetters = new ArrayList<>();
  final List<String> ignored = new ArrayList<>();

  @Override
  public void trade(Trade trade) {
    trades.add(trade);
  }

  @Override
  public void quote(Quote quote) {
    throw new AssertionError("the engine has no quotes");
  }

  @Override
  public void book(BookUpdate update) {
    books.add(update);
  }

  @Override
  public void status(FeedStatus status) {
    statuses.add(status);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    deadLetters.add(new DeadLetterCall(stage, reason, origin, atUs, raw));
  }

  @Override
  public void ignored(String instrument, String why) {
    ignored.add(instrument + ": " + why);
  }
}
