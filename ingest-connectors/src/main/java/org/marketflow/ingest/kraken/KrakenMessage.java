package org.marketflow.ingest.kraken;

import java.util.List;
import org.marketflow.schemas.avro.Side;

/** What a raw Kraken WebSocket v1 message turned out to be ({@link KrakenParser}). */
public sealed interface KrakenMessage
    permits KrakenMessage.SystemStatus,
        KrakenMessage.Subscribed,
        KrakenMessage.Unsubscribed,
        KrakenMessage.Heartbeat,
        KrakenMessage.Trades,
        KrakenMessage.OtherChannel,
        KrakenMessage.Ignored,
        KrakenMessage.Malformed,
        KrakenBookMessage {

  /** The channel id of a channel message, as Kraken numbers the subscriptions of a connection. */
  interface OnChannel {
    long channelId();

    String channelName();

    String pair();
  }

  /** {@code {"event":"systemStatus","status":"online",...}}: the venue's state. */
  record SystemStatus(String status) implements KrakenMessage {}

  /**
   * {@code {"event":"subscriptionStatus","status":"subscribed",...}}: the channel id that the
   * messages of {@code channelName} ({@code book-1000}, {@code trade}) for {@code pair} carry.
   */
  record Subscribed(long channelId, String channelName, String pair) implements KrakenMessage {}

  /** {@code {"event":"subscriptionStatus","status":"unsubscribed",...}}: the channel is gone. */
  record Unsubscribed(long channelId, String pair) implements KrakenMessage {}

  /** {@code {"event":"heartbeat"}}: the connection is up and no channel had anything to send. */
  record Heartbeat() implements KrakenMessage {}

  /** One {@code trade} channel message: the trades of one pair, oldest first. */
  record Trades(long channelId, String pair, List<Trade> trades)
      implements KrakenMessage, OnChannel {

    @Override
    public String channelName() {
      return "trade";
    }
  }

  /**
   * One trade of a {@code trade} message.
   *
   * @param timeUs the trade time, epoch microseconds
   * @param side the aggressor's side: {@code b} buy, {@code s} sell
   * @param orderType the aggressor's order type: {@code m} market, {@code l} limit
   */
  record Trade(double price, double volume, long timeUs, Side side, String orderType) {}

  /** A message of a channel that is not normalized ({@code ticker}, {@code spread}, ...). */
  record OtherChannel(long channelId, String channelName, String pair)
      implements KrakenMessage, OnChannel {}

  /** A valid message that carries nothing to publish ({@code pong}). */
  record Ignored(String kind) implements KrakenMessage {}

  /** A message that cannot be used, and why; Kraken's own {@code error} replies included. */
  record Malformed(String reason) implements KrakenMessage {}
}
