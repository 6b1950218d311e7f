/**
 * {@code GET /api/institutional/market-data/ohlc}: OHLC bars of an instrument or of the outcomes of
 * a prediction-market event, read from {@code ohlc_bars}.
 *
 * <p>The request flows {@link org.marketflow.api.marketdata.ohlc.OhlcResource} (thin, JAX-RS) →
 * {@link org.marketflow.api.marketdata.ohlc.OhlcParameters} (the raw query parameters, a {@code
 * BeanParam}) → {@link org.marketflow.api.marketdata.ohlc.OhlcQuery} (validated) → {@link
 * org.marketflow.api.marketdata.ohlc.OhlcService} → {@link
 * org.marketflow.api.marketdata.ohlc.OhlcBarRepository} (JDBC) → {@link
 * org.marketflow.api.marketdata.ohlc.StoredOhlcBar} rows → {@link
 * org.marketflow.api.marketdata.ohlc.OhlcResponse}.
 */
package org.marketflow.api.marketdata.ohlc;
