package org.marketflow.api.marketdata.statistics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One instrument's {@code MarketStatistics} for a period, as jobs-ohlc writes it: the JSON of
 * {@code market:stats:{id}:{period}} (the Avro field names, times in epoch microseconds) or a row
 * of {@code market_statistics_latest}. Nullable values are {@code null} as the job documents
 * (docs/jobs/ohlc.md: no bar in the period, too few returns, no fresh liquidity).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredStatistics(
    String instrument,
    String period,
    long periodStartUs,
    long periodEndUs,
    int barCount,
    double volume,
    double quoteVolume,
    long trades,
    double buyVolume,
    double sellVolume,
    Double open,
    Double high,
    Double low,
    Double close,
    Double vwap,
    Double volatility,
    Double annualizedVolatility,
    Double liquidityUsd) {}
