package org.marketflow.api.marketdata.orderbook;

import org.marketflow.api.common.MarketSelection;

/**
 * A validated order-book request.
 *
 * @param instrument the one instrument whose book is asked for
 * @param depth the levels per side to answer, 1 to 50
 */
public record OrderBookQuery(MarketSelection market, String instrument, int depth) {}
