package org.marketflow.ingest.coinbase;

import java.nio.charset.StandardCharsets;
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

  /** A dead letter as the feed made it. */
  record DeadLetter(String stage, String reason, RecordOrigin origin, long atUs, String raw) {}

  /** Every record and dead letter, in the order sent. */
  final List<Object> all = new ArrayList<>();

  final List<BookUpdate> books = new ArrayList<>();
  final List<FeedStatus> statuses = new ArrayList<>();
  final List<Trade> trades = new ArrayList<>();
  final List<Quote> quotes = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<String> received = new ArrayList<>();
  final List<String> ignored = new ArrayList<>();

  @Override
  public void book(BookUpdate update) {
    books.add(update);
    all.add(update);
  }

  @Override
  public void status(FeedStatus status) {
    statuses.add(status);
    all.add(status);
  }

  @Override
  public void trade(Trade trade) {
    trades.add(trade);
    all.add(trade);
  }

  @Override
  public void quote(Quote quote) {
    quotes.add(quote);
    all.add(quote);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    DeadLetter letter =
        new DeadLetter(stage, reason, origin, atUs, new String(raw, StandardCharsets.UTF_8));
    deadLetters.add(letter);
    all.add(letter);
  }

  @Override
  public void received(String instrument, String type) {
    received.add(instrument + " " + type);
  }

  @Override
  public void ignored(String instrument, String why) {
    ignored.add(instrument + " " + why);
  }

  void clear() {
    all.clear();
    books.clear();
    statuses.clear();
    trades.clear();
    quotes.clear();
    deadLetters.clear();
    received.clear();
    ignored.clear();
  }
}
