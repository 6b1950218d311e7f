package org.marketflow.ingest.binance;

import java.util.ArrayDeque;
import java.util.List;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.BookOutput;
import org.marketflow.ingest.feed.FeedStatuses;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

/**
 * Keeps one instrument's order book in sync with Binance's diff-depth stream, by Binance's own
 * rules, and says what to publish: the snapshot and every applied diff as {@link BookUpdate}s, and
 * {@code GAP} / {@code RESYNCED} as {@link FeedStatus}.
 *
 * <ul>
 *   <li>Until a snapshot arrives, diffs are buffered (the last {@value #MAX_BUFFERED}).
 *   <li>Spot: diffs with {@code u <= lastUpdateId} are dropped; the first applied has {@code U <=
 *       lastUpdateId + 1 <= u}; then every diff has {@code U == previous u + 1}.
 *   <li>USD-M futures: diffs with {@code u < lastUpdateId} are dropped; the first applied has
 *       {@code U <= lastUpdateId <= u}; then every diff has {@code pu == previous u}.
 *   <li>A diff that breaks the rule is a gap: {@code GAP} with the expected and received ids, the
 *       book is dropped, and nothing is published until the next snapshot (a fresh REST snapshot
 *       live, the next one in a recording), after which {@code RESYNCED} follows the snapshot.
 * </ul>
 *
 * A consumer that applies the published {@code BookUpdate}s alone (snapshot, then deltas) holds
 * exactly this book: see {@link OrderBook#apply(BookUpdate)}.
 */
public final class BinanceBookSync {

  /** Which of Binance's two rule sets applies. */
  public enum Market {
    SPOT,
    USDM
  }

  static final int MAX_BUFFERED = 10_000;

  private final String instrument;
  private final Market market;
  private final OrderBook book = new OrderBook();
  private final ArrayDeque<BinanceMessage.DepthDiff> buffered = new ArrayDeque<>();
  private boolean synced;
  private boolean awaitingFirstDiff;
  private boolean resyncing;
  private long snapshotId;
  private long lastUpdateId;
  private long gaps;

  public BinanceBookSync(String instrument, Market market) {
    this.instrument = instrument;
    this.market = market;
  }

  /** Takes a REST snapshot: publishes it, then the buffered diffs that follow it. */
  public void onSnapshot(
      BinanceMessage.DepthSnapshot snapshot, long receiveTimeUs, BookOutput out) {
    book.reset(snapshot.bids(), snapshot.asks());
    synced = true;
    awaitingFirstDiff = true;
    snapshotId = snapshot.lastUpdateId();
    lastUpdateId = snapshot.lastUpdateId();
    long timeUs = snapshot.eventTimeMs() == null ? receiveTimeUs : snapshot.eventTimeMs() * 1_000L;
    out.book(
        update(BookUpdateKind.SNAPSHOT, null, lastUpdateId, null, timeUs, receiveTimeUs)
            .setBids(snapshot.bids())
            .setAsks(snapshot.asks())
            .build());
    if (resyncing) {
      resyncing = false;
      out.status(status(FeedState.RESYNCED, null, lastUpdateId, timeUs, receiveTimeUs, null));
    }
    ArrayDeque<BinanceMessage.DepthDiff> pending = new ArrayDeque<>(buffered);
    buffered.clear();
    while (!pending.isEmpty() && synced) {
      apply(pending.poll(), receiveTimeUs, out);
    }
    buffered.addAll(pending); // what came after a gap in the buffer waits for the next snapshot
  }

  /** Takes a diff: applies and publishes it, buffers it while unsynced, or reports a gap. */
  public void onDiff(BinanceMessage.DepthDiff diff, long receiveTimeUs, BookOutput out) {
    if (!synced) {
      buffer(diff);
      return;
    }
    apply(diff, receiveTimeUs, out);
  }

  private void apply(BinanceMessage.DepthDiff diff, long receiveTimeUs, BookOutput out) {
    long first = diff.firstUpdateId();
    long last = diff.lastUpdateId();
    if (awaitingFirstDiff) {
      if (market == Market.SPOT ? last <= snapshotId : last < snapshotId) {
        return; // already in the snapshot
      }
      long bound = market == Market.SPOT ? snapshotId + 1 : snapshotId;
      if (!(first <= bound && bound <= last)) {
        gap(diff, bound, first, receiveTimeUs, out, "first diff does not cover the snapshot");
        return;
      }
    } else {
      if (last <= lastUpdateId) {
        return; // a repeat
      }
      boolean continuous =
          market == Market.SPOT
              ? first == lastUpdateId + 1
              : diff.previousUpdateId() != null && diff.previousUpdateId() == lastUpdateId;
      if (!continuous) {
        long received =
            market == Market.SPOT || diff.previousUpdateId() == null
                ? first
                : diff.previousUpdateId();
        long expected = market == Market.SPOT ? lastUpdateId + 1 : lastUpdateId;
        gap(diff, expected, received, receiveTimeUs, out, null);
        return;
      }
    }
    book.apply(diff.bids(), diff.asks());
    awaitingFirstDiff = false;
    lastUpdateId = last;
    out.book(
        update(
                BookUpdateKind.DELTA,
                first,
                last,
                diff.previousUpdateId(),
                diff.eventTimeMs() * 1_000L,
                receiveTimeUs)
            .setBids(diff.bids())
            .setAsks(diff.asks())
            .build());
  }

  private void gap(
      BinanceMessage.DepthDiff diff,
      long expected,
      long received,
      long receiveTimeUs,
      BookOutput out,
      String detail) {
    gaps++;
    synced = false;
    resyncing = true;
    book.clear();
    buffered.clear();
    buffer(diff);
    out.status(
        status(
            FeedState.GAP, expected, received, diff.eventTimeMs() * 1_000L, receiveTimeUs, detail));
  }

  private void buffer(BinanceMessage.DepthDiff diff) {
    if (buffered.size() == MAX_BUFFERED) {
      buffered.poll(); // a snapshot that old would not cover them anyway
    }
    buffered.add(diff);
  }

  private BookUpdate.Builder update(
      BookUpdateKind kind, Long first, long last, Long previous, long timeUs, long receiveTimeUs) {
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveTimeUs)
        .setKind(kind)
        .setFirstSequence(first)
        .setLastSequence(last)
        .setPreviousSequence(previous)
        .setBids(List.<BookLevel>of())
        .setAsks(List.<BookLevel>of());
  }

  private FeedStatus status(
      FeedState state,
      Long expected,
      Long received,
      long timeUs,
      long receiveTimeUs,
      String detail) {
    return FeedStatuses.of(instrument, state, expected, received, timeUs, receiveTimeUs, detail);
  }

  /**
   * The connection that fed this book is gone: the book is dropped and nothing is published until
   * the next snapshot, which is followed by {@code RESYNCED}.
   */
  public void desync() {
    synced = false;
    resyncing = true;
    book.clear();
    buffered.clear();
  }

  public boolean isSynced() {
    return synced;
  }

  /** The last update id in the book: the snapshot's, then each applied diff's {@code u}. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  public long gaps() {
    return gaps;
  }

  /** The book as synced; empty while unsynced. */
  public OrderBook book() {
    return book;
  }
}
