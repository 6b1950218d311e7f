package org.marketflow.api.marketdata.orderbook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.common.MarketOfInstrument;
import org.marketflow.api.common.Times;

/**
 * The body of {@code GET /api/institutional/market-data/orderbook}: the institutional design's
 * {@code OrderBook} plus the instrument id and the number of levels on each whole side of the book.
 *
 * <p>{@code spread} = best ask − best bid and {@code midPrice} = (best bid + best ask) / 2, in the
 * instrument's price unit, from the whole book's best levels; both {@code null} when a side is
 * empty. {@code timestamp} is the instant the snapshot shows (its event time).
 */
@JsonPropertyOrder({
  "instrument",
  "eventId",
  "outcomeId",
  "option",
  "timestamp",
  "depth",
  "bookBidLevels",
  "bookAskLevels",
  "bids",
  "asks",
  "spread",
  "midPrice"
})
public record OrderBookResponse(
    String instrument,
    String eventId,
    String outcomeId,
    String option,
    Instant timestamp,
    int depth,
    int bookBidLevels,
    int bookAskLevels,
    List<Level> bids,
    List<Level> asks,
    Double spread,
    Double midPrice) {

  /** A level: {@code amount} is the total size at the price; {@code orderCount} may be null. */
  @JsonPropertyOrder({"price", "amount", "orderCount"})
  public record Level(double price, double amount, Integer orderCount) {}

  /** The top {@code depth} levels of each side of {@code book}. */
  static OrderBookResponse of(BookSnapshot book, int depth) {
    MarketOfInstrument market = MarketOfInstrument.of(book.instrument());
    List<Level> bids = top(book.bids(), depth);
    List<Level> asks = top(book.asks(), depth);
    Double spread = null;
    Double mid = null;
    if (!bids.isEmpty() && !asks.isEmpty()) {
      double bestBid = bids.get(0).price();
      double bestAsk = asks.get(0).price();
      spread = bestAsk - bestBid;
      mid = (bestBid + bestAsk) / 2;
    }
    return new OrderBookResponse(
        book.instrument(),
        market.eventId(),
        market.outcomeId(),
        market.option(),
        Times.ofMicros(book.snapshotTimeUs()),
        depth,
        book.bookBidLevels(),
        book.bookAskLevels(),
        bids,
        asks,
        spread,
        mid);
  }

  private static List<Level> top(List<BookSnapshot.Level> levels, int depth) {
    if (levels == null) {
      return List.of();
    }
    return levels.stream()
        .limit(depth)
        .map(l -> new Level(l.price(), l.size(), l.orderCount()))
        .toList();
  }
}
