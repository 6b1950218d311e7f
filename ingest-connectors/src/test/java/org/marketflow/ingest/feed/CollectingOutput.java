package org.marketflow.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/**
 * Keeps everything a feed sends, in order, for the tests to look at: every record and dead letter
 * in {@link #all}, each kind in its own list too, and what was received, ignored and verified.
 * Tests may subclass it to look at one kind of record as it comes.
 */
public class CollectingOutput implements FeedOutput {

  /** A dead letter as the feed handed it over, with a copy of its bytes. */
  public record DeadLetter(
      String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {

    /** The bytes as UTF-8 text. */
    public String text() {
      return new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DeadLetter that
          && stage.equals(that.stage)
          && reason.equals(that.reason)
          && Objects.equals(origin, that.origin)
          && atUs == that.atUs
          && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stage, reason, origin, atUs, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
      return "DeadLetter["
          + stage
          + ", "
          + reason
          + ", "
          + origin
          + ", "
          + atUs
          + ", "
          + text()
          + "]";
    }
  }

  /** A valid message arrived: its instrument ({@code null} for none) and venue message type. */
  public record Received(String instrument, String type) {}

  /** A valid message not published, and why. */
  public record Ignored(String instrument, String why) {}

  /** Every record and dead letter, in the order sent. */
  public final List<Object> all = new ArrayList<>();

  public final List<BookUpdate> books = new ArrayList<>();
  public final List<FeedStatus> statuses = new ArrayList<>();
  public final List<Trade> trades = new ArrayList<>();
  public final List<Quote> quotes = new ArrayList<>();
  public final List<DeadLetter> deadLetters = new ArrayList<>();
  public final List<Received> received = new ArrayList<>();
  public final List<Ignored> ignored = new ArrayList<>();
  public int checksumsVerified;

  @Override
  public void book(BookUpdate update) {
    keep(books, update);
  }

  @Override
  public void status(FeedStatus status) {
    keep(statuses, status);
  }

  @Override
  public void trade(Trade trade) {
    keep(trades, trade);
  }

  @Override
  public void quote(Quote quote) {
    keep(quotes, quote);
  }

  @Override
  public void deadLetter(String stage, String reason, RecordOrigin origin, long atUs, byte[] raw) {
    keep(deadLetters, new DeadLetter(stage, reason, origin, atUs, raw.clone()));
  }

  @Override
  public void received(String instrument, String type) {
    received.add(new Received(instrument, type));
  }

  @Override
  public void ignored(String instrument, String why) {
    ignored.add(new Ignored(instrument, why));
  }

  @Override
  public void checksumVerified(String instrument) {
    checksumsVerified++;
  }

  private <T> void keep(List<T> kind, T sent) {
    kind.add(sent);
    all.add(sent);
  }

  /** The records published, in order: {@link #all} without the dead letters. */
  public List<Object> published() {
    return all.stream().filter(sent -> !(sent instanceof DeadLetter)).toList();
  }

  /** Forgets everything kept so far. */
  public void clear() {
    all.clear();
    books.clear();
    statuses.clear();
    trades.clear();
    quotes.clear();
    deadLetters.clear();
    received.clear();
    ignored.clear();
    checksumsVerified = 0;
  }
}
