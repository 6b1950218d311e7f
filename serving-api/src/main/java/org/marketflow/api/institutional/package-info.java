/**
 * The institutional market-data API, {@code /api/institutional/market-data/...}, after the
 * institutional market-data design. Each endpoint is a thin JAX-RS resource that validates its
 * query into a plain request object and delegates to an {@code @ApplicationScoped} service.
 *
 * <p>Served now: {@link org.marketflow.api.institutional.OhlcResource ohlc}. The design's trades,
 * orderbook, statistics and export endpoints and the WebSocket feed belong here as sibling
 * resources sharing {@link org.marketflow.api.institutional.QueryParameters}. API-key
 * authentication (hashed keys, {@code read} permission) and per-key rate limits are still to come:
 * they belong in a request filter in a separate {@code org.marketflow.api.security} package, bound
 * to this namespace, so that the resources stay free of them.
 */
package org.marketflow.api.institutional;
