package org.marketflow.ingest.binance;

import java.util.HashMap;
import java.util.Map;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.instrument.InstrumentId;
import org.marketflow.schemas.kafka.TopicSpec;

/**
 * Publishes one Binance venue's books and quotes: a {@link BinanceBookSync} per instrument turns
 * snapshots and diffs into {@code BookUpdate}s and {@code FeedStatus}es, and each {@code
 * bookTicker} becomes a {@code Quote}.
 *
 * <p>Binance's REST snapshot names no symbol: it belongs to the instrument whose stream was
 * subscribed when it was fetched. A recording of one symbol (the hftbacktest files) has one; a
 * snapshot that comes before any diff or ticker waits for the first instrument to appear.
 */
public final class BinanceBookHandler {

  private final String venue;
  private final BinanceBookSync.Market market;
  private final NormalizedPublisher publisher;
  private final Map<String, BinanceBookSync> syncs = new HashMap<>();
  private final BinanceBookSync.Output output;
  private BinanceMessage.DepthSnapshot pendingSnapshot;
  private long pendingReceiveUs;
  private String lastInstrument;
  private long bookUpdates;
  private long quotes;
  private long gaps;

  /**
   * @param venue {@code BINANCE} (spot rules) or {@code BINANCE_USDM} (futures rules)
   */
  public BinanceBookHandler(String venue, NormalizedPublisher publisher) {
    this.venue = venue;
    this.market =
        venue.endsWith("_USDM") ? BinanceBookSync.Market.USDM : BinanceBookSync.Market.SPOT;
    this.publisher = publisher;
    this.output =
        new BinanceBookSync.Output() {
          @Override
          public void book(BookUpdate update) {
            bookUpdates++;
            publisher.publish(TopicSpec.BOOK, update);
          }

          @Override
          public void status(FeedStatus status) {
            if (status.getState() == FeedState.GAP) {
              gaps++;
            }
            publisher.publish(TopicSpec.STATUS, status);
          }
        };
  }

  public void onDiff(BinanceMessage.DepthDiff diff, long receiveTimeUs) {
    BinanceBookSync sync = sync(diff.symbol());
    if (pendingSnapshot != null) {
      sync.onSnapshot(pendingSnapshot, pendingReceiveUs, output);
      pendingSnapshot = null;
    }
    sync.onDiff(diff, receiveTimeUs, output);
  }

  public void onSnapshot(BinanceMessage.DepthSnapshot snapshot, long receiveTimeUs) {
    if (lastInstrument == null) {
      pendingSnapshot = snapshot;
      pendingReceiveUs = receiveTimeUs;
    } else {
      syncs.get(lastInstrument).onSnapshot(snapshot, receiveTimeUs, output);
    }
  }

  public void onTicker(BinanceMessage.BookTicker ticker, long receiveTimeUs) {
    String instrument = instrument(ticker.symbol());
    sync(ticker.symbol());
    quotes++;
    publisher.publish(
        TopicSpec.QUOTES,
        Quote.newBuilder()
            .setInstrument(instrument)
            .setExchangeTimeUs(
                ticker.eventTimeMs() == null ? receiveTimeUs : ticker.eventTimeMs() * 1_000L)
            .setReceiveTimeUs(receiveTimeUs)
            .setSequence(ticker.updateId())
            .setBidPrice(ticker.bidPrice())
            .setBidSize(ticker.bidSize())
            .setAskPrice(ticker.askPrice())
            .setAskSize(ticker.askSize())
            .build());
  }

  private BinanceBookSync sync(String symbol) {
    String instrument = instrument(symbol);
    lastInstrument = instrument;
    return syncs.computeIfAbsent(instrument, id -> new BinanceBookSync(id, market));
  }

  private String instrument(String symbol) {
    return InstrumentId.of(venue, symbol).toString();
  }

  /** What the handler published so far. */
  public Counts counts() {
    return new Counts(bookUpdates, quotes, gaps);
  }

  /**
   * What a handler published.
   *
   * @param bookUpdates BookUpdate records: snapshots and deltas
   * @param quotes Quote records, one per bookTicker
   * @param gaps sequence gaps found in the books' diffs
   */
  public record Counts(long bookUpdates, long quotes, long gaps) {}
}
