package org.marketflow.ingest.kraken;

import java.util.List;

/**
 * A Kraken WebSocket v1 {@code book} channel message: a snapshot ({@code as}/{@code bs}) or an
 * update ({@code a}/{@code b}, with the checksum {@code c} of the book after it).
 *
 * @param pair the pair, e.g. {@code XBT/USD}
 * @param depth the subscribed depth, from the channel name {@code book-<depth>}
 * @param checksum the update's {@code c}, unsigned; {@code null} for a snapshot
 */
public record KrakenBookMessage(
    String pair,
    int depth,
    boolean snapshot,
    List<KrakenBook.Level> asks,
    List<KrakenBook.Level> bids,
    Long checksum) {}
