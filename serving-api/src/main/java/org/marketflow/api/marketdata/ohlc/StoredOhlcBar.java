package org.marketflow.api.marketdata.ohlc;

import java.time.Instant;

/** One row of {@code ohlc_bars}, as stored. */
public record StoredOhlcBar(
    String instrument,
    String interval,
    Instant bucketStart,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double quoteVolume,
    long tradeCount,
    double vwap,
    Instant firstTradeTime,
    Instant lastTradeTime,
    int revision) {}
