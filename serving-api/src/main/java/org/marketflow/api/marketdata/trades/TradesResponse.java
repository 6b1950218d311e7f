package org.marketflow.api.marketdata.trades;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.marketflow.api.common.MarketOfInstrument;

/**
 * The body of {@code GET /api/institutional/market-data/trades}: the selection as asked, the sort,
 * the page's trades and the cursor of the next page ({@code null} on the last page).
 */
@JsonPropertyOrder({"instrument", "eventId", "sort", "count", "nextCursor", "trades"})
public record TradesResponse(
    String instrument,
    String eventId,
    String sort,
    int count,
    String nextCursor,
    List<Trade> trades) {

  /**
   * One trade: the institutional design's {@code Trade} without its user ids (market data carries
   * none), plus the instrument id. {@code side} is the aggressor's, {@code buy}, {@code sell} or
   * {@code unknown}; {@code volume} is price × amount; {@code isAmmTrade} and {@code orderId} are
   * {@code null} where the venue has none.
   */
  @JsonPropertyOrder({
    "id",
    "instrument",
    "eventId",
    "outcomeId",
    "option",
    "side",
    "price",
    "amount",
    "volume",
    "timestamp",
    "isAmmTrade",
    "orderId"
  })
  public record Trade(
      String id,
      String instrument,
      String eventId,
      String outcomeId,
      String option,
      String side,
      double price,
      double amount,
      double volume,
      Instant timestamp,
      Boolean isAmmTrade,
      String orderId) {

    static Trade of(StoredTrade row) {
      MarketOfInstrument market = MarketOfInstrument.of(row.instrument());
      return new Trade(
          row.tradeId(),
          row.instrument(),
          market.eventId(),
          market.outcomeId(),
          market.option(),
          row.side().toLowerCase(Locale.ROOT),
          row.price(),
          row.size(),
          row.price() * row.size(),
          row.exchangeTime(),
          row.ammTrade(),
          row.orderId());
    }
  }
}
