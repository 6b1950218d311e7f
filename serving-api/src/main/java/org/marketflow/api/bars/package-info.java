/** Reading stored bars from PostgreSQL ({@code ohlc_bars}) with plain JDBC. */
package org.marketflow.api.bars;
