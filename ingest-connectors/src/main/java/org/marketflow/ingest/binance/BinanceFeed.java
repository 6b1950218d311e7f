package org.marketflow.ingest.binance;

import java.util.HashMap;
import java.util.Map;
import org.marketflow.ingest.feed.FeedOutput;
import org.marketflow.ingest.feed.InstrumentActivity;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.feed.ResyncRequests;
import org.marketflow.ingest.feed.VenueFeed;
import org.marketflow.ingest.handler.RepeatedTrades;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * One Binance venue's feed (spot or USD-M futures): trades and aggregated trades (each repeat
 * dropped), a {@link BinanceBookSync} per instrument that turns REST snapshots and diffs into
 * {@code BookUpdate}s and {@code FeedStatus}es, and a {@code Quote} per {@code bookTicker}.
 *
 * <p>An instrument's trades come from one stream: the first of {@code trade} and {@code aggTrade}
 * seen for it; the other is ignored, since both describe the same executions.
 *
 * <p>Binance's REST snapshot names no symbol: live and in cryptofeed recordings it comes with the
 * symbol it was fetched for ({@link #onRestSnapshot}); in an hftbacktest recording (one symbol per
 * file) it is a line of its own and belongs to the file's instrument, so one that comes before any
 * diff or ticker waits for the first instrument to appear.
 */
public final class BinanceFeed implements VenueFeed {

  private final String venue;
  private final BinanceBookSync.Market market;
  private final FeedOutput out;
  private final String stage;
  private final ResyncRequests resync;
  private final BinanceParser parser;
  private final RepeatedTrades repeatedTrades = new RepeatedTrades();
  private final Map<String, BinanceBookSync> syncs = new HashMap<>();
  private final Map<String, String> tradeStream = new HashMap<>();
  private final Map<String, String> symbols = new HashMap<>();

  /**
   * Each symbol's instrument id, made once; grows with the symbols seen, as {@link #syncs} does.
   */
  private final Map<String, String> instruments = new HashMap<>();

  private final InstrumentActivity activity = new InstrumentActivity();
  private BinanceMessage.DepthSnapshot pendingSnapshot;
  private long pendingReceiveUs;
  private String lastInstrument;

  /**
   * @param venue {@code BINANCE} (spot rules) or {@code BINANCE_USDM} (futures rules)
   * @param stage the dead letters' stage, e.g. {@code ingest.replay.binance}
   * @param resync asked for a fresh REST snapshot of a symbol after a gap
   */
  public BinanceFeed(String venue, FeedOutput out, String stage, ResyncRequests resync) {
    this.venue = venue;
    this.market =
        venue.endsWith("_USDM") ? BinanceBookSync.Market.USDM : BinanceBookSync.Market.SPOT;
    this.out = out;
    this.stage = stage;
    this.resync = resync;
    this.parser = new BinanceParser(venue);
  }

  @Override
  public void expect(String symbol, long sinceUs) {
    sync(symbol);
    activity.expect(instrument(symbol), sinceUs);
  }

  @Override
  public void onMessage(RawMessage message) {
    long receiveUs = message.receiveTimeUs();
    BinanceMessage parsed = parser.parse(message.bytes(), receiveUs);
    if (parsed instanceof BinanceMessage.TradeMessage t) {
      trade(t);
    } else if (parsed instanceof BinanceMessage.DepthDiff diff) {
      diff(diff, receiveUs);
    } else if (parsed instanceof BinanceMessage.DepthSnapshot snapshot) {
      inlineSnapshot(snapshot, receiveUs);
    } else if (parsed instanceof BinanceMessage.BookTicker ticker) {
      ticker(ticker, receiveUs);
    } else if (parsed instanceof BinanceMessage.Ignored ignored) {
      out.received(null, ignored.kind());
      out.ignored(null, ignored.kind());
    } else if (parsed instanceof BinanceMessage.Malformed malformed) {
      reject(malformed.reason(), message);
    }
  }

  @Override
  public void onRestSnapshot(String symbol, RawMessage body) {
    BinanceMessage parsed = parser.parse(body.bytes(), body.receiveTimeUs());
    if (parsed instanceof BinanceMessage.DepthSnapshot snapshot) {
      String instrument = instrument(symbol);
      out.received(instrument, "depthSnapshot");
      sync(symbol).onSnapshot(snapshot, body.receiveTimeUs(), out);
    } else if (parsed instanceof BinanceMessage.Malformed malformed) {
      reject("depth snapshot of " + symbol + ": " + malformed.reason(), body);
    } else {
      reject("not a depth snapshot of " + symbol, body);
    }
  }

  private void trade(BinanceMessage.TradeMessage message) {
    Trade trade = message.trade();
    String instrument = trade.getInstrument();
    touch(instrument, trade.getReceiveTimeUs());
    out.received(instrument, message.kind());
    if (!tradeStream.computeIfAbsent(instrument, id -> message.kind()).equals(message.kind())) {
      out.ignored(instrument, message.kind() + " beside " + tradeStream.get(instrument));
    } else if (repeatedTrades.isNew(trade)) {
      out.trade(trade);
    } else {
      out.ignored(instrument, "repeated trade");
    }
  }

  private void diff(BinanceMessage.DepthDiff diff, long receiveUs) {
    BinanceBookSync sync = sync(diff.symbol());
    String instrument = lastInstrument;
    touch(instrument, receiveUs);
    out.received(instrument, "depthUpdate");
    if (pendingSnapshot != null) {
      out.received(instrument, "depthSnapshot");
      sync.onSnapshot(pendingSnapshot, pendingReceiveUs, out);
      pendingSnapshot = null;
    }
    boolean wasSynced = sync.isSynced();
    sync.onDiff(diff, receiveUs, out);
    if (wasSynced && !sync.isSynced()) {
      resync.request(diff.symbol());
    }
  }

  private void inlineSnapshot(BinanceMessage.DepthSnapshot snapshot, long receiveUs) {
    if (lastInstrument == null) {
      pendingSnapshot = snapshot;
      pendingReceiveUs = receiveUs;
    } else {
      out.received(lastInstrument, "depthSnapshot");
      syncs.get(lastInstrument).onSnapshot(snapshot, receiveUs, out);
    }
  }

  private void ticker(BinanceMessage.BookTicker ticker, long receiveUs) {
    sync(ticker.symbol());
    String instrument = lastInstrument;
    touch(instrument, receiveUs);
    out.received(instrument, "bookTicker");
    out.quote(
        Quote.newBuilder()
            .setInstrument(instrument)
            .setExchangeTimeUs(
                ticker.eventTimeMs() == null ? receiveUs : ticker.eventTimeMs() * 1_000L)
            .setReceiveTimeUs(receiveUs)
            .setSequence(ticker.updateId())
            .setBidPrice(ticker.bidPrice())
            .setBidSize(ticker.bidSize())
            .setAskPrice(ticker.askPrice())
            .setAskSize(ticker.askSize())
            .build());
  }

  private void reject(String reason, RawMessage message) {
    out.deadLetter(stage, reason, message.origin(), message.receiveTimeUs(), message.bytes());
  }

  private void touch(String instrument, long atUs) {
    activity.touch(instrument, atUs);
  }

  @Override
  public void connected(long atUs) {
    activity.all(FeedState.CONNECTED, atUs, null, out);
  }

  @Override
  public void disconnected(long atUs, String reason) {
    activity.all(FeedState.DISCONNECTED, atUs, reason, out);
    syncs.values().forEach(BinanceBookSync::desync);
  }

  @Override
  public void checkStale(long nowUs, long silenceUs) {
    activity.checkStale(nowUs, silenceUs, out);
  }

  /** The book sync of {@code symbol}, made on first use; it becomes the last instrument seen. */
  private BinanceBookSync sync(String symbol) {
    String instrument = instrument(symbol);
    lastInstrument = instrument;
    symbols.putIfAbsent(instrument, symbol);
    return syncs.computeIfAbsent(instrument, id -> new BinanceBookSync(id, market));
  }

  private String instrument(String symbol) {
    String instrument = instruments.get(symbol);
    if (instrument == null) {
      instrument = InstrumentId.of(venue, symbol).toString();
      instruments.put(symbol, instrument);
    }
    return instrument;
  }

  /** The book sync of an instrument, or {@code null} if it has sent nothing; for checks. */
  public BinanceBookSync syncOf(String instrument) {
    return syncs.get(instrument);
  }
}
