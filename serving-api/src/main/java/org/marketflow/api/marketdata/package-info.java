/**
 * The market-data endpoints under {@link org.marketflow.api.common.ApiPaths#MARKET_DATA}, one
 * subpackage per endpoint: {@link org.marketflow.api.marketdata.ohlc ohlc} now; {@code trades},
 * {@code orderbook} and {@code statistics} when they are built. A subpackage holds everything of
 * its endpoint: the resource, its parameters and validated query, the service, the response
 * records, and the repository with the stored row it reads.
 */
package org.marketflow.api.marketdata;
