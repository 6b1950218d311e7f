/**
 * {@code GET /api/institutional/market-data/orderbook}: the live order book of one instrument, from
 * jobs-microstructure's {@code market:book:{id}} Redis key, or its {@code order_book_snapshots}
 * table when Redis is away.
 */
package org.marketflow.api.marketdata.orderbook;
