/**
 * {@code GET /api/institutional/market-data/trades}: the trade archive ({@code trades}, written by
 * jobs-ohlc's {@code TradeArchiveSink}) of an instrument or of an event's outcomes.
 *
 * <p>{@link org.marketflow.api.marketdata.trades.TradesResource} → {@link
 * org.marketflow.api.marketdata.trades.TradesParameters} → {@link
 * org.marketflow.api.marketdata.trades.TradesQuery} (validated) → {@link
 * org.marketflow.api.marketdata.trades.TradesService} (cache) → {@link
 * org.marketflow.api.marketdata.trades.TradeRepository} (JDBC) → {@link
 * org.marketflow.api.marketdata.trades.TradesResponse}; {@link
 * org.marketflow.api.marketdata.trades.TradeCursor} is the keyset position of the next page.
 */
package org.marketflow.api.marketdata.trades;
