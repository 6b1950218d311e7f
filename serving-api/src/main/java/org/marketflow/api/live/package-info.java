/**
 * {@code WS /api/institutional/market-data/ws}: the institutional real-time feed. Clients subscribe
 * to the {@code trades}, {@code orderbook} and {@code statistics} channels of a market and receive
 * each update as a JSON text message; docs/api.md ("WebSocket") is the protocol.
 *
 * <p>Why Vert.x: Quarkus's WebSocket extension (quarkus-websockets-next) is not published for the
 * platform release this service is built on, so {@link org.marketflow.api.live.LiveFeedRoute}
 * upgrades the request itself on the Vert.x router of quarkus-vertx-http, the server the extension
 * would have used underneath.
 *
 * <p>Why Kafka and not Redis pub/sub: the derived topics carry all three channels (trades on {@code
 * md.normalized.trades}, book snapshots on {@code md.derived.book-snapshots}, statistics on {@code
 * md.derived.statistics}), while Redis pub/sub carries only the microstructure job's ticks ({@code
 * market:ticks:{id}}), with no trade, no book levels and no statistics. Kafka also keys by
 * instrument, so a record nobody listens to is skipped before it is decoded.
 *
 * <p>Flow: {@link org.marketflow.api.live.LiveFeedConsumer} (one Kafka consumer per service
 * instance, partitions assigned, no consumer group, starting at the end) → {@link
 * org.marketflow.api.live.UpdateMessages} (decoded and serialized once per record) → {@link
 * org.marketflow.api.live.LiveHub#publish} → the bounded queue of each subscribed {@link
 * org.marketflow.api.live.LiveConnection} → its socket, on the connection's event loop. A full
 * queue drops that client alone (close 4000); the consumer never waits for a client.
 */
package org.marketflow.api.live;
