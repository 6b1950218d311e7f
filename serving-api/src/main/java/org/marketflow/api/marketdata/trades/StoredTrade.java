package org.marketflow.api.marketdata.trades;

import java.time.Instant;

/**
 * One row of the trade archive {@code trades}, the columns the endpoint serves. The archive holds
 * no user ids, and none is read.
 */
public record StoredTrade(
    String instrument,
    Instant exchangeTime,
    String tradeId,
    double price,
    double size,
    String side,
    Boolean ammTrade,
    String orderId) {}
