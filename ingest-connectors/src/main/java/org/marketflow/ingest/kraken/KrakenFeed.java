package org.marketflow.ingest.kraken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Kraken's WebSocket v1 public feed ({@code wss://ws.kraken.com}): {@code book-N} and {@code trade}
 * channels to normalized {@code BookUpdate}s, {@code Trade}s and {@code FeedStatus}es. The mapping
 * of every message is in {@code docs/venues/kraken.md}.
 *
 * <ul>
 *   <li>{@code subscriptionStatus} tells which pair and channel each channel id carries; a channel
 *       message of an unknown channel id, or whose name or pair is not the channel's, is a dead
 *       letter. Instruments are {@code KRAKEN:<pair>}, Kraken's WebSocket pair as it is ({@code
 *       KRAKEN:XBT/USD}).
 *   <li>A book snapshot is published as {@code SNAPSHOT} (after a mismatch or a disconnection,
 *       followed by {@code RESYNCED}). Kraken's book messages carry no sequence: each update's
 *       CRC32 {@code c} of the book after it is the continuity check. An update whose checksum
 *       verifies is published as a {@code DELTA} with that checksum; one that does not gives {@code
 *       CHECKSUM_MISMATCH} (expected: Kraken's, received: ours), drops the book, asks for a resync,
 *       and nothing of that book is published until its next snapshot.
 *   <li>Kraken sends no removal for a level that a better one pushes beyond the subscribed depth:
 *       the client cuts its book. The published delta carries those removals (size 0), so a
 *       consumer that applies the records alone ({@code OrderBook.apply}) holds this book.
 *   <li>Each trade entry is one {@code Trade}; Kraken v1 trades have no id, so {@code tradeId} and
 *       {@code sequence} are null.
 * </ul>
 *
 * A message that cannot be used changes nothing and becomes a dead letter with its exact bytes.
 * State: one channel per subscription and one book per subscribed pair, bounded by what was
 * subscribed; an {@code unsubscribed} channel is forgotten (and its book dropped).
 */
public final class KrakenFeed implements VenueFeed {

  static final String VENUE = "KRAKEN";

  private final FeedOutput out;
  private final String stage;
  private final ResyncRequests resync;
  private final KrakenParser parser = new KrakenParser();
  private final InstrumentActivity activity = new InstrumentActivity();
  private final Map<Long, Channel> channels = new HashMap<>();
  private final Map<String, PairBook> books = new HashMap<>();

  /**
   * @param stage the dead letters' stage, e.g. {@code ingest.replay.kraken}
   * @param resync asked for a fresh book (a new subscription live) after a checksum mismatch
   */
  public KrakenFeed(FeedOutput out, String stage, ResyncRequests resync) {
    this.out = out;
    this.stage = stage;
    this.resync = resync;
  }

  /** A subscription of this connection. */
  private record Channel(String name, String pair, String instrument) {}

  /** The book of one pair, and whether it may be published. */
  private static final class PairBook {
    private final String instrument;
    private final KrakenBook book;
    private boolean synced;
    private boolean resyncing;

    PairBook(String instrument, int depth) {
      this.instrument = instrument;
      this.book = new KrakenBook(depth);
    }

    void unsync() {
      resyncing |= synced;
      synced = false;
      book.clear();
    }
  }

  /** The instrument id of a Kraken pair: {@code KRAKEN:XBT/USD}. */
  public static String instrument(String pair) {
    return InstrumentId.of(VENUE, pair).toString();
  }

  @Override
  public void onMessage(RawMessage message) {
    KrakenMessage parsed = parser.parse(message.bytes(), message.receiveTimeUs());
    try {
      handle(parsed, message);
    } catch (IllegalArgumentException e) {
      deadLetter(message, e.getMessage());
    }
  }

  private void handle(KrakenMessage parsed, RawMessage message) {
    long atUs = message.receiveTimeUs();
    if (parsed instanceof KrakenMessage.Malformed malformed) {
      deadLetter(message, malformed.reason());
    } else if (parsed instanceof KrakenMessage.Heartbeat) {
      // Kraken sends it only when no channel had anything to send: every instrument is alive.
      for (String instrument : activity.instruments()) {
        activity.touch(instrument, atUs);
      }
      out.received(null, "heartbeat");
    } else if (parsed instanceof KrakenMessage.SystemStatus) {
      out.received(null, "systemStatus");
    } else if (parsed instanceof KrakenMessage.Ignored ignored) {
      out.received(null, ignored.kind());
      out.ignored(null, ignored.kind());
    } else if (parsed instanceof KrakenMessage.Subscribed subscribed) {
      subscribed(subscribed, atUs);
    } else if (parsed instanceof KrakenMessage.Unsubscribed unsubscribed) {
      Channel channel = channels.get(unsubscribed.channelId());
      if (channel == null || !channel.pair().equals(unsubscribed.pair())) {
        throw new IllegalArgumentException(
            "unsubscribed from unknown channel " + unsubscribed.channelId());
      }
      channels.remove(unsubscribed.channelId());
      if (channel.name().startsWith("book-")) {
        books.get(channel.pair()).unsync(); // no more updates will keep it right
      }
      out.received(channel.instrument(), "subscriptionStatus");
    } else if (parsed instanceof KrakenBookMessage book) {
      book(book, channel(book), message);
    } else if (parsed instanceof KrakenMessage.Trades trades) {
      trades(trades, channel(trades), atUs);
    } else if (parsed instanceof KrakenMessage.OtherChannel other) {
      String instrument = channel(other).instrument();
      activity.touch(instrument, atUs);
      out.received(instrument, other.channelName());
      out.ignored(instrument, other.channelName() + " is not normalized");
    }
  }

  private void subscribed(KrakenMessage.Subscribed subscribed, long atUs) {
    String instrument = instrument(subscribed.pair());
    channels.put(
        subscribed.channelId(),
        new Channel(subscribed.channelName(), subscribed.pair(), instrument));
    if (subscribed.channelName().startsWith("book-")) {
      int depth = KrakenBookParser.depth(subscribed.channelName());
      PairBook known = books.get(subscribed.pair());
      if (known == null || known.book.depth() != depth) {
        PairBook book = new PairBook(instrument, depth);
        book.resyncing = known != null && (known.synced || known.resyncing);
        books.put(subscribed.pair(), book);
      }
    }
    activity.expect(instrument, atUs);
    activity.touch(instrument, atUs);
    out.received(instrument, "subscriptionStatus");
  }

  /** The channel of a channel message, which must be what its subscription said. */
  private Channel channel(KrakenMessage.OnChannel message) {
    Channel channel = channels.get(message.channelId());
    if (channel == null) {
      throw new IllegalArgumentException(
          "unknown channel id " + message.channelId() + " (" + message.channelName() + ")");
    }
    if (!channel.name().equals(message.channelName()) || !channel.pair().equals(message.pair())) {
      throw new IllegalArgumentException(
          "channel "
              + message.channelId()
              + " is "
              + channel.name()
              + " of "
              + channel.pair()
              + ", not "
              + message.channelName()
              + " of "
              + message.pair());
    }
    return channel;
  }

  private void book(KrakenBookMessage message, Channel channel, RawMessage raw) {
    PairBook pairBook = books.get(message.pair());
    long receiveUs = raw.receiveTimeUs();
    long timeUs = message.timeUs() == null ? receiveUs : message.timeUs();
    if (message.snapshot()) {
      KrakenBook check = new KrakenBook(message.depth());
      check.reset(message.asks(), message.bids());
      if (check.bestBid() != null
          && check.bestAsk() != null
          && check.bestBid().getKey().compareTo(check.bestAsk().getKey()) >= 0) {
        throw new IllegalArgumentException(
            "crossed snapshot of "
                + message.pair()
                + ": best bid "
                + check.bestBid().getValue().price()
                + " >= best ask "
                + check.bestAsk().getValue().price());
      }
      activity.touch(channel.instrument(), receiveUs);
      out.received(channel.instrument(), "book-snapshot");
      pairBook.book.reset(message.asks(), message.bids());
      pairBook.synced = true;
      out.book(
          update(channel.instrument(), BookUpdateKind.SNAPSHOT, timeUs, receiveUs, null)
              .setAsks(levels(pairBook.book.asks()))
              .setBids(levels(pairBook.book.bids()))
              .build());
      if (pairBook.resyncing) {
        pairBook.resyncing = false;
        out.status(
            FeedStatuses.of(
                channel.instrument(),
                FeedState.RESYNCED,
                null,
                null,
                timeUs,
                receiveUs,
                "book snapshot"));
      }
      return;
    }
    activity.touch(channel.instrument(), receiveUs);
    out.received(channel.instrument(), "book-update");
    if (!pairBook.synced) {
      out.ignored(channel.instrument(), "book update before its snapshot");
      return;
    }
    KrakenBook.Change change = pairBook.book.apply(message.asks(), message.bids());
    long computed = pairBook.book.checksum();
    if (computed != message.checksum()) {
      pairBook.unsync();
      out.status(
          FeedStatuses.of(
              channel.instrument(),
              FeedState.CHECKSUM_MISMATCH,
              message.checksum(),
              computed,
              timeUs,
              receiveUs,
              "Kraken's CRC32 of the top 10 levels differs from the book's; resubscribing"));
      resync.request(message.pair());
      return;
    }
    out.checksumVerified(channel.instrument());
    out.book(
        update(channel.instrument(), BookUpdateKind.DELTA, timeUs, receiveUs, computed)
            .setAsks(levels(change.asks()))
            .setBids(levels(change.bids()))
            .build());
  }

  private void trades(KrakenMessage.Trades message, Channel channel, long receiveUs) {
    activity.touch(channel.instrument(), receiveUs);
    out.received(channel.instrument(), "trade");
    for (KrakenMessage.Trade trade : message.trades()) {
      out.trade(
          Trade.newBuilder()
              .setInstrument(channel.instrument())
              .setExchangeTimeUs(trade.timeUs())
              .setReceiveTimeUs(receiveUs)
              .setSequence(null)
              .setTradeId(null)
              .setPrice(trade.price())
              .setSize(trade.volume())
              .setSide(trade.side())
              .build());
    }
  }

  private static BookUpdate.Builder update(
      String instrument, BookUpdateKind kind, long timeUs, long receiveUs, Long checksum) {
    return BookUpdate.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeUs)
        .setReceiveTimeUs(receiveUs)
        .setKind(kind)
        .setFirstSequence(null)
        .setLastSequence(null)
        .setPreviousSequence(null)
        .setChecksum(checksum);
  }

  /** Kraken's decimal strings (checked by the parser) as the doubles the records carry. */
  private static List<BookLevel> levels(List<KrakenBook.Level> levels) {
    List<BookLevel> out = new ArrayList<>(levels.size());
    for (KrakenBook.Level level : levels) {
      out.add(
          new BookLevel(
              Double.parseDouble(level.price()), Double.parseDouble(level.volume()), null));
    }
    return out;
  }

  private void deadLetter(RawMessage message, String reason) {
    out.deadLetter(stage, reason, message.origin(), message.receiveTimeUs(), message.bytes());
  }

  @Override
  public void expect(String pair, long sinceUs) {
    activity.expect(instrument(pair), sinceUs);
  }

  @Override
  public void connected(long atUs) {
    activity.all(FeedState.CONNECTED, atUs, "connected", out);
  }

  /**
   * {@code DISCONNECTED} for each instrument; every book is dropped until its next snapshot (then
   * {@code RESYNCED}), and the channel ids are forgotten: the next connection's subscriptions
   * number them anew.
   */
  @Override
  public void disconnected(long atUs, String reason) {
    activity.all(FeedState.DISCONNECTED, atUs, reason, out);
    books.values().forEach(PairBook::unsync);
    channels.clear();
  }

  @Override
  public void checkStale(long nowUs, long silenceUs) {
    activity.checkStale(nowUs, silenceUs, out);
  }

  /** The book of {@code pair} as this feed holds it (empty while unsynced), or {@code null}. */
  public KrakenBook book(String pair) {
    PairBook book = books.get(pair);
    return book == null ? null : book.book;
  }

  /** Whether the book of {@code pair} is in sync and published. */
  public boolean isSynced(String pair) {
    PairBook book = books.get(pair);
    return book != null && book.synced;
  }
}
