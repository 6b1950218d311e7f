package org.marketflow.ingest.pariflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.FeedStatuses;
import org.marketflow.ingest.feed.InstrumentActivity;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.Trade;

/**
 * The prediction-market engine's messages in, normalized records out: each trade becomes a {@code
 * Trade} of {@code PARIFLOW:<eventId>:<outcomeId>:<YES|NO>} (a repeated trade id is dropped), and
 * each outcome side's book is kept in sync by the engine's sequence:
 *
 * <ul>
 *   <li>a snapshot replaces the book and is published; after a gap, {@code RESYNCED} follows it;
 *   <li>a delta whose sequence is the previous one plus one is applied and published; one at or
 *       below the book's sequence is a repeat, ignored;
 *   <li>any other delta is a gap: {@code GAP} with the expected and received sequence, the book is
 *       dropped, a fresh snapshot is requested ({@link ResyncRequests} gets the engine's book key
 *       {@code <eventId>:<outcomeId>:<YES|NO>}), and nothing of that book is published until it
 *       comes; a delta that would cross the book is treated the same way;
 *   <li>a delta for a book with no snapshot yet (the feed started mid-stream) is ignored, and a
 *       snapshot requested once.
 * </ul>
 *
 * What cannot be used becomes a dead letter of {@code stage}. <b>User ids never leave the feed</b>:
 * the parser does not read them, and a dead letter's raw bytes keep only the values of the engine
 * format's fields (see {@link EngineRedaction}), its reason saying what was removed.
 *
 * <p>A consumer that applies the published {@code BookUpdate}s of a book (snapshot, then deltas)
 * holds exactly {@link #book(String)}; the levels carry the engine's order counts. Never throws on
 * bad input; not thread-safe.
 */
public final class PariflowFeed implements VenueFeed {

  /** The default stage name of its dead letters. */
  public static final String STAGE = "ingest.pariflow";

  private final FeedOutput out;
  private final String stage;
  private final ResyncRequests resync;
  private final PariflowParser parser = new PariflowParser();
  private final RecentTradeIds tradeIds;
  private final InstrumentActivity activity = new InstrumentActivity();
  // One entry per outcome side ever seen; outcomes of settled events stay (a few hundred bytes
  // each) until the feed is restarted.
  private final Map<String, BookState> books = new HashMap<>();

  /**
   * @param stage the stage its dead letters name, e.g. {@value #STAGE}
   * @param resync how to ask the engine for a fresh snapshot of a book
   */
  public PariflowFeed(FeedOutput out, String stage, ResyncRequests resync) {
    this(out, stage, resync, RecentTradeIds.DEFAULT_CAPACITY);
  }

  /**
   * @param tradeIdMemory how many recent trade ids are remembered to drop repeats
   */
  public PariflowFeed(FeedOutput out, String stage, ResyncRequests resync, int tradeIdMemory) {
    this.out = out;
    this.stage = stage;
    this.resync = resync;
    this.tradeIds = new RecentTradeIds(tradeIdMemory);
  }

  @Override
  public void onMessage(RawMessage message) {
    byte[] bytes = message.bytes() == null ? new byte[0] : message.bytes();
    long receiveUs = message.receiveTimeUs();
    PariflowMessage parsed;
    try {
      parsed = parser.parse(bytes);
    } catch (RuntimeException e) {
      parsed = new PariflowMessage.Malformed("unreadable message: " + e.getClass().getSimpleName());
    }
    if (parsed instanceof PariflowMessage.TradeMessage trade) {
      onTrade(trade.trade(), receiveUs);
    } else if (parsed instanceof PariflowMessage.BookChange change) {
      onBookChange(change, receiveUs);
    } else {
      String reason = ((PariflowMessage.Malformed) parsed).reason();
      EngineRedaction.Redacted redacted =
          EngineRedaction.redact(bytes, PariflowParser.FORMAT_FIELDS);
      out.deadLetter(stage, reason + redacted.note(), message.origin(), receiveUs, redacted.raw());
    }
  }

  private void onTrade(Trade parsed, long receiveUs) {
    Trade trade = Trade.newBuilder(parsed).setReceiveTimeUs(receiveUs).build();
    String instrument = trade.getInstrument();
    out.received(instrument, "trade");
    activity.touch(instrument, receiveUs);
    if (!tradeIds.isNew(instrument, trade.getTradeId())) {
      out.ignored(instrument, "repeated trade");
      return;
    }
    out.trade(trade);
  }

  private void onBookChange(PariflowMessage.BookChange change, long receiveUs) {
    String instrument = change.instrument();
    out.received(instrument, change.type());
    activity.touch(instrument, receiveUs);
    BookState state = books.computeIfAbsent(instrument, id -> new BookState(change.book()));
    if (change.kind() == BookUpdateKind.SNAPSHOT) {
      state.book.reset(change.bids(), change.asks());
      state.synced = true;
      state.requested = false;
      state.sequence = change.sequence();
      out.book(update(change, receiveUs));
      if (state.resyncing) {
        state.resyncing = false;
        out.status(
            FeedStatuses.of(
                instrument,
                FeedState.RESYNCED,
                null,
                change.sequence(),
                change.timeUs(),
                receiveUs,
                null));
      }
      return;
    }
    if (!state.synced) {
      out.ignored(instrument, "delta before a snapshot");
      request(state);
      return;
    }
    if (change.sequence() <= state.sequence) {
      out.ignored(instrument, "repeated delta");
      return;
    }
    long expected = state.sequence + 1;
    if (change.sequence() != expected) {
      unsync(state, instrument, expected, change, receiveUs, null);
      return;
    }
    state.book.apply(change.bids(), change.asks());
    if (state.book.isCrossed()) {
      unsync(state, instrument, expected, change, receiveUs, "the delta crosses the book");
      return;
    }
    state.sequence = change.sequence();
    out.book(update(change, receiveUs));
  }

  private void unsync(
      BookState state,
      String instrument,
      long expected,
      PariflowMessage.BookChange change,
      long receiveUs,
      String detail) {
    state.synced = false;
    state.resyncing = true;
    state.book.clear();
    out.status(
        FeedStatuses.of(
            instrument,
            FeedState.GAP,
            expected,
            change.sequence(),
            change.timeUs(),
            receiveUs,
            detail));
    request(state);
  }

  private void request(BookState state) {
    if (!state.requested) {
      state.requested = true;
      resync.request(state.key);
    }
  }

  private static BookUpdate update(PariflowMessage.BookChange change, long receiveUs) {
    boolean delta = change.kind() == BookUpdateKind.DELTA;
    return BookUpdate.newBuilder()
        .setInstrument(change.instrument())
        .setExchangeTimeUs(change.timeUs())
        .setReceiveTimeUs(receiveUs)
        .setKind(change.kind())
        .setFirstSequence(delta ? change.sequence() : null)
        .setLastSequence(change.sequence())
        .setPreviousSequence(delta ? change.sequence() - 1 : null)
        .setBids(List.<BookLevel>copyOf(change.bids()))
        .setAsks(List.<BookLevel>copyOf(change.asks()))
        .build();
  }

  @Override
  public void connected(long atUs) {
    activity.all(FeedState.CONNECTED, atUs, null, out);
  }

  @Override
  public void disconnected(long atUs, String reason) {
    activity.all(FeedState.DISCONNECTED, atUs, reason, out);
    for (BookState state : books.values()) {
      if (state.synced) {
        state.synced = false;
        state.resyncing = true;
        state.book.clear();
      }
      state.requested = false;
    }
  }

  @Override
  public void checkStale(long nowUs, long silenceUs) {
    activity.checkStale(nowUs, silenceUs, out);
  }

  /** The book of {@code instrument} as synced: empty while unsynced or unknown. */
  public OrderBook book(String instrument) {
    BookState state = books.get(instrument);
    return state == null ? new OrderBook() : state.book;
  }

  /** Whether the book of {@code instrument} is in sync with the engine's. */
  public boolean isSynced(String instrument) {
    BookState state = books.get(instrument);
    return state != null && state.synced;
  }

  /** One outcome side's book and where its sequence stands. */
  private static final class BookState {
    final String key;
    final OrderBook book = new OrderBook();
    boolean synced;
    boolean resyncing;
    boolean requested;
    long sequence;

    BookState(String key) {
      this.key = key;
    }
  }
}
