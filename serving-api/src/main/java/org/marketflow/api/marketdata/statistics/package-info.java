/**
 * {@code GET /api/institutional/market-data/statistics}: jobs-ohlc's rolling market statistics (1h,
 * 24h, 7d, 30d) of an instrument or of an event's outcomes, from Redis {@code
 * market:stats:{id}:{period}} or {@code market_statistics_latest}.
 */
package org.marketflow.api.marketdata.statistics;
