package org.marketflow.api.marketdata.orderbook;

import jakarta.ws.rs.QueryParam;
import org.marketflow.api.common.MarketParameters;
import org.marketflow.api.common.MarketSelection;
import org.marketflow.api.common.QueryParameters;
import org.marketflow.api.error.InvalidParameterException;

/** The query parameters of {@code GET /api/institutional/market-data/orderbook}, as strings. */
public class OrderBookParameters extends MarketParameters {

  public static final int DEFAULT_DEPTH = 20;
  public static final int MAX_DEPTH = 50;

  @QueryParam("depth")
  String depth;

  /**
   * The validated query: one instrument (a book is per instrument, so an event needs both its
   * outcomeId and option) and a depth of 1 to 50 levels a side.
   *
   * @throws InvalidParameterException for the first missing, malformed or conflicting parameter
   */
  public OrderBookQuery toQuery() {
    MarketSelection market = market();
    String one =
        market.singleInstrument(
            "the order book",
            market.eventId() != null ? "eventId" : "instrument",
            market.eventId() != null ? eventId : instrument);
    int levels = QueryParameters.intInRange("depth", depth, 1, MAX_DEPTH, DEFAULT_DEPTH);
    return new OrderBookQuery(market, one, levels);
  }
}
