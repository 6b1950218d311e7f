package org.marketflow.ingest.kraken;

import java.util.List;

/**
 * A Kraken WebSocket v1 {@code book} channel message: a snapshot ({@code as}/{@code bs}) or an
 * update ({@code a}/{@code b}, with the checksum {@code c} of the book after it).
 *
 * @param channelId the subscription's channel id
 * @param pair the pair, e.g. {@code XBT/USD}
 * @param depth the subscribed depth, from the channel name {@code book-<depth>}
 * @param checksum the update's {@code c}, unsigned; {@code null} for a snapshot
 * @param timeUs the latest of the levels' times, epoch microseconds; {@code null} without levels
 */
public record KrakenBookMessage(
    long channelId,
    String pair,
    int depth,
    boolean snapshot,
    List<KrakenBook.Level> asks,
    List<KrakenBook.Level> bids,
    Long checksum,
    Long timeUs)
    implements KrakenMessage, KrakenMessage.OnChannel {

  @Override
  public String channelName() {
    return "book-" + depth;
  }
}
