package org.marketflow.api.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The channels a client subscribes to, by their names on the wire. */
public enum Channel {
  TRADES("trades", "trade"),
  ORDERBOOK("orderbook", "orderbook"),
  STATISTICS("statistics", "statistics");

  /** The names, comma separated, for error messages. */
  public static final String NAMES =
      Arrays.stream(values()).map(Channel::wireName).collect(Collectors.joining(", "));

  private final String wireName;
  private final String updateType;

  Channel(String wireName, String updateType) {
    this.wireName = wireName;
    this.updateType = updateType;
  }

  /** The name in {@code channels} of subscribe and unsubscribe messages. */
  public String wireName() {
    return wireName;
  }

  /** The {@code type} of the update messages of this channel. */
  public String updateType() {
    return updateType;
  }

  public static Optional<Channel> fromWireName(String name) {
    for (Channel channel : values()) {
      if (channel.wireName.equals(name)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
