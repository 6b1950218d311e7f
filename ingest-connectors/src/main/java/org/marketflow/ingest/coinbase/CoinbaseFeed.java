package org.marketflow.ingest.coinbase;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.InstrumentActivity;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.handler.RepeatedTrades;
import org.marketflow.schemas.avro.FeedState;

/**
 * The Coinbase Exchange feed: each WebSocket message parsed by {@link CoinbaseParser}, each
 * product's level2 book kept by a {@link CoinbaseBookSync}, {@code match} / {@code last_match}
 * published as trades (a {@code trade_id} already published for the product is dropped: a {@code
 * last_match} after a resubscription repeats the last trade), {@code ticker} as quotes. {@code
 * subscriptions} and {@code heartbeat} are received and published as nothing; a heartbeat counts as
 * the product's activity. The venue's {@code error}, and every message that cannot be used, is a
 * dead letter with its exact bytes.
 *
 * <p>Ignored (counted by {@link FeedOutput#ignored}, not published): repeated trades, {@code
 * l2update}s of a product whose book is not synced (before its first snapshot, after a gap or a
 * disconnection), level2 messages whose sequence was already applied, and the kinds of the {@code
 * full} and {@code status} channels.
 */
public final class CoinbaseFeed implements VenueFeed {

  private final FeedOutput out;
  private final String stage;
  private final ResyncRequests resync;
  private final Set<String> products;
  private final CoinbaseParser parser;

  /** One per product seen: bounded by the subscription (and by the product set, when given). */
  private final Map<String, CoinbaseBookSync> books = new HashMap<>();

  private final RepeatedTrades repeatedTrades = new RepeatedTrades();
  private final InstrumentActivity activity = new InstrumentActivity();

  /** A feed of any product. */
  public CoinbaseFeed(FeedOutput out, String stage, ResyncRequests resync) {
    this(out, stage, resync, Set.of());
  }

  /**
   * @param stage the dead letters' stage, e.g. {@code ingest.replay.coinbase}
   * @param resync asked for a fresh snapshot of a product after a gap
   * @param products the subscribed product ids ({@code BTC-USD}): a message of another is a dead
   *     letter, and each is watched for silence from the connection on. Empty: any product.
   */
  public CoinbaseFeed(FeedOutput out, String stage, ResyncRequests resync, Set<String> products) {
    this.out = out;
    this.stage = stage;
    this.resync = resync;
    this.products = Collections.unmodifiableSortedSet(new TreeSet<>(products));
    this.parser = new CoinbaseParser(this.products);
  }

  @Override
  public void onMessage(RawMessage message) {
    long receiveUs = message.receiveTimeUs();
    CoinbaseMessage parsed;
    try {
      parsed = parser.parse(message.bytes(), receiveUs);
    } catch (RuntimeException e) { // the parser refuses by value; anything else is still a refusal
      parsed = new CoinbaseMessage.Malformed("unreadable message: " + e);
    }
    if (parsed instanceof CoinbaseMessage.Malformed malformed) {
      deadLetter(message, malformed.reason());
    } else if (parsed instanceof CoinbaseMessage.VenueError error) {
      deadLetter(message, error.reason());
    } else if (parsed instanceof CoinbaseMessage.Subscriptions subscriptions) {
      out.received(null, "subscriptions");
      subscriptions
          .productIds()
          .forEach(id -> activity.expect(CoinbaseParser.instrument(id), receiveUs));
    } else if (parsed instanceof CoinbaseMessage.Heartbeat heartbeat) {
      received(heartbeat.productId(), "heartbeat", receiveUs);
    } else if (parsed instanceof CoinbaseMessage.Snapshot snapshot) {
      received(snapshot.productId(), "snapshot", receiveUs);
      sync(snapshot.productId()).onSnapshot(snapshot, receiveUs, out);
    } else if (parsed instanceof CoinbaseMessage.L2Update update) {
      String instrument = received(update.productId(), "l2update", receiveUs);
      switch (sync(update.productId()).onUpdate(update, receiveUs, out)) {
        case NOT_SYNCED -> out.ignored(instrument, "l2update while the book is not synced");
        case REPEATED -> out.ignored(instrument, "l2update already applied");
        case APPLIED, GAP -> {}
      }
    } else if (parsed instanceof CoinbaseMessage.TradeMessage trade) {
      String instrument = received(trade.productId(), trade.type(), receiveUs);
      if (repeatedTrades.isNew(instrument, trade.tradeId())) {
        out.trade(trade.trade());
      } else {
        out.ignored(instrument, "repeated trade");
      }
    } else if (parsed instanceof CoinbaseMessage.Ticker ticker) {
      received(ticker.productId(), "ticker", receiveUs);
      out.quote(ticker.quote());
    } else if (parsed instanceof CoinbaseMessage.Ignored ignored) {
      String instrument = null;
      if (ignored.productId() == null) {
        out.received(null, ignored.type());
      } else {
        instrument = received(ignored.productId(), ignored.type(), receiveUs);
      }
      out.ignored(instrument, "not published: " + ignored.type());
    }
  }

  @Override
  public void expect(String productId, long sinceUs) {
    activity.expect(CoinbaseParser.instrument(productId), sinceUs);
  }

  @Override
  public void connected(long atUs) {
    products.forEach(id -> activity.expect(CoinbaseParser.instrument(id), atUs));
    activity.all(FeedState.CONNECTED, atUs, null, out);
  }

  @Override
  public void disconnected(long atUs, String reason) {
    activity.all(FeedState.DISCONNECTED, atUs, reason, out);
    books.values().forEach(CoinbaseBookSync::unsync);
  }

  @Override
  public void checkStale(long nowUs, long silenceUs) {
    activity.checkStale(nowUs, silenceUs, out);
  }

  /** The book of {@code productId} as synced (empty while unsynced), or {@code null} if none. */
  public OrderBook book(String productId) {
    CoinbaseBookSync sync = books.get(productId);
    return sync == null ? null : sync.book();
  }

  private CoinbaseBookSync sync(String productId) {
    return books.computeIfAbsent(productId, id -> new CoinbaseBookSync(id, resync));
  }

  /** Counts a valid message of {@code productId} and its activity; returns the instrument id. */
  private String received(String productId, String type, long receiveUs) {
    String instrument = CoinbaseParser.instrument(productId);
    out.received(instrument, type);
    activity.touch(instrument, receiveUs);
    return instrument;
  }

  private void deadLetter(RawMessage message, String reason) {
    out.deadLetter(stage, reason, message.origin(), message.receiveTimeUs(), message.bytes());
  }
}
