package org.marketflow.ingest.coinbase;

import java.util.List;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.BookOutput;
import org.marketflow.ingest.feed.FeedStatuses;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;

/**
 * Keeps one Coinbase product's order book in sync with the level2 channel and says what to publish:
 * each snapshot and every applied {@code l2update} as {@link BookUpdate}s, and {@code GAP} / {@code
 * RESYNCED} as {@code FeedStatus}.
 *
 * <p>What is checked, message by message:
 *
 * <ul>
 *   <li><b>Sequence</b>, when level2 messages carry one (Coinbase: "every message's sequence is the
 *       previous one plus one"): after a message with sequence {@code s}, the next must have {@code
 *       s + 1}. One with a higher number, or with none, is a gap ({@code GAP} with the expected and
 *       the received sequence); one at or below {@code s} was already applied and is dropped as a
 *       repeat. A snapshot with a sequence starts the count; after a snapshot without one, the
 *       first sequenced update starts it.
 *   <li><b>Without a sequence to check against</b> (the 2021 feed: its {@code l2update} has none,
 *       and the sequences of {@code ticker} and {@code match} skip the numbers other channels take,
 *       so they cannot stand in), a lost message cannot be seen directly. What can be checked is
 *       checked: the exchange time never goes backwards within the product (an update older than
 *       the last one applied is a {@code GAP}, its detail naming both times; a snapshot without a
 *       time starts the comparison afresh), and the book is not crossed (next item).
 *   <li><b>Crossed book</b>: after every update the best bid must be below the best ask; a crossed
 *       book means the book is no longer the venue's, so it counts as a discontinuity, reported as
 *       {@code GAP} with a detail naming both prices and no sequences (unless the update had one).
 *       A crossed snapshot is refused by the parser (a dead letter) and changes nothing.
 * </ul>
 *
 * <p>So without sequences, a lost {@code l2update} is found only when it leaves the book crossed
 * (typically a lost removal of a best level that the price then moves through); one that does not
 * leaves a wrong level in the book, unseen until the next snapshot.
 *
 * <p>After a gap the book is dropped, nothing is published until the next snapshot, and {@link
 * ResyncRequests#request} asks for one (live: a new subscription; in a recording: nothing, the next
 * snapshot in the file resyncs). The next snapshot is published, followed by {@code RESYNCED}. A
 * disconnection ({@link #unsync}) drops the book the same way, without a gap.
 *
 * <p>A consumer that applies the published {@code BookUpdate}s alone (snapshot, then deltas) holds
 * exactly this book: see {@link OrderBook#apply(BookUpdate)}.
 */
public final class CoinbaseBookSync {

  /** What became of an {@code l2update}. */
  public enum Outcome {
    /** Applied and published. */
    APPLIED,
    /** Not applied: no snapshot since the start, a gap or a disconnection. */
    NOT_SYNCED,
    /** Not applied: its sequence was already applied. */
    REPEATED,
    /** A discontinuity: the book is dropped until the next snapshot. */
    GAP
  }

  private final String productId;
  private final String instrument;
  private final ResyncRequests resync;
  private final OrderBook book = new OrderBook();
  private boolean synced;
  private boolean resyncing;
  private Long lastSequence;
  private Long lastTimeUs;
  private long gaps;

  public CoinbaseBookSync(String productId, ResyncRequests resync) {
    this.productId = productId;
    this.instrument = CoinbaseParser.instrument(productId);
    this.resync = resync;
  }

  /**
   * Takes a snapshot (the parser has refused crossed ones): replaces the book and publishes it,
   * then {@code RESYNCED} after a gap or a disconnection.
   */
  public void onSnapshot(CoinbaseMessage.Snapshot snapshot, long receiveTimeUs, BookOutput out) {
    book.reset(snapshot.bids(), snapshot.asks());
    synced = true;
    lastSequence = snapshot.sequence();
    lastTimeUs = snapshot.timeUs();
    long timeUs = snapshot.timeUs() == null ? receiveTimeUs : snapshot.timeUs();
    out.book(
        update(
                BookUpdateKind.SNAPSHOT,
                snapshot.sequence(),
                timeUs,
                receiveTimeUs,
                snapshot.bids(),
                snapshot.asks())
            .build());
    if (resyncing) {
      resyncing = false;
      out.status(
          FeedStatuses.of(
              instrument,
              FeedState.RESYNCED,
              null,
              snapshot.sequence(),
              timeUs,
              receiveTimeUs,
              null));
    }
  }

  /** Takes an {@code l2update}: applies and publishes it, or reports a gap. */
  public Outcome onUpdate(CoinbaseMessage.L2Update update, long receiveTimeUs, BookOutput out) {
    if (!synced) {
      return Outcome.NOT_SYNCED;
    }
    Long sequence = update.sequence();
    if (lastSequence != null) {
      if (sequence != null && sequence <= lastSequence) {
        return Outcome.REPEATED;
      }
      if (sequence == null || sequence != lastSequence + 1) {
        return gap(
            update,
            lastSequence + 1,
            sequence,
            receiveTimeUs,
            out,
            sequence == null ? "a level2 message without a sequence after sequenced ones" : null);
      }
    } else if (lastTimeUs != null && update.timeUs() < lastTimeUs) {
      return gap(
          update,
          null,
          null,
          receiveTimeUs,
          out,
          "exchange time went backwards: " + update.timeUs() + " us after " + lastTimeUs + " us");
    }
    book.apply(update.bids(), update.asks());
    if (book.isCrossed()) {
      return gap(
          update,
          null,
          sequence,
          receiveTimeUs,
          out,
          "book crossed after the update: best bid "
              + book.bestBid().getPrice()
              + " is not below best ask "
              + book.bestAsk().getPrice());
    }
    lastSequence = sequence;
    lastTimeUs = update.timeUs();
    out.book(
        update(
                BookUpdateKind.DELTA,
                sequence,
                update.timeUs(),
                receiveTimeUs,
                update.bids(),
                update.asks())
            .build());
    return Outcome.APPLIED;
  }

  /** The book is no longer the venue's (a disconnection): dropped until the next snapshot. */
  public void unsync() {
    if (synced) {
      resyncing = true;
    }
    synced = false;
    book.clear();
  }

  private Outcome gap(
      CoinbaseMessage.L2Update update,
      Long expected,
      Long received,
      long receiveTimeUs,
      BookOutput out,
      String detail) {
    gaps++;
    synced = false;
    resyncing = true;
    book.clear();
    out.status(
        FeedStatuses.of(
            instrument, FeedState.GAP, expected, received, update.timeUs(), receiveTimeUs, detail));
    resync.request(productId);
    return Outcome.GAP;
  }

  private BookUpdate.Builder update(
      BookUpdateKind kind,
      Long sequence,
      long timeUs,
      long receiveTimeUs,
      List<BookLevel> bids,
      List<BookLevel> asks) {
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveTimeUs)
        .setKind(kind)
        .setFirstSequence(kind == BookUpdateKind.DELTA ? sequence : null)
        .setLastSequence(sequence)
        .setPreviousSequence(null)
        .setBids(bids)
        .setAsks(asks);
  }

  public boolean isSynced() {
    return synced;
  }

  /** The sequence of the last level2 message applied, or {@code null} when it had none. */
  public Long lastSequence() {
    return lastSequence;
  }

  public long gaps() {
    return gaps;
  }

  /** The book as synced; empty while unsynced. */
  public OrderBook book() {
    return book;
  }
}
