package org.marketflow.api.live;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connections may want an update: per channel, the connections holding a subscription under
 * each routing key (an instrument, or {@code PARIFLOW:<eventId>}). The consumer looks a record up
 * here, then asks each candidate whether one of its subscriptions matches; so an update costs two
 * map lookups however many markets are subscribed. Thread-safe: connections change it from their
 * event loops while the consumer reads it.
 */
final class SubscriptionIndex {

  private final Map<Channel, Map<String, Set<LiveConnection>>> byChannel =
      new EnumMap<>(Channel.class);

  SubscriptionIndex() {
    for (Channel channel : Channel.values()) {
      byChannel.put(channel, new ConcurrentHashMap<>());
    }
  }

  void add(Subscription subscription, LiveConnection connection) {
    byChannel
        .get(subscription.channel())
        .computeIfAbsent(subscription.routingKey(), key -> ConcurrentHashMap.newKeySet())
        .add(connection);
  }

  /** Removes the connection from the subscription's key unless it holds another one there. */
  void remove(Subscription subscription, LiveConnection connection) {
    Map<String, Set<LiveConnection>> keys = byChannel.get(subscription.channel());
    keys.computeIfPresent(
        subscription.routingKey(),
        (key, connections) -> {
          if (!connection.holdsRoutingKey(subscription.channel(), key)) {
            connections.remove(connection);
          }
          return connections.isEmpty() ? null : connections;
        });
  }

  /** Whether any connection may want an update of this channel and instrument. */
  boolean hasCandidates(Channel channel, String instrument) {
    Map<String, Set<LiveConnection>> keys = byChannel.get(channel);
    if (keys.containsKey(instrument)) {
      return true;
    }
    String eventKey = Subscription.eventKeyOf(instrument);
    return eventKey != null && keys.containsKey(eventKey);
  }

  /** The connections with a subscription matching this update, each once. */
  Set<LiveConnection> subscribers(Channel channel, String instrument) {
    Map<String, Set<LiveConnection>> keys = byChannel.get(channel);
    Set<LiveConnection> out = new LinkedHashSet<>();
    collect(keys.get(instrument), channel, instrument, out);
    String eventKey = Subscription.eventKeyOf(instrument);
    if (eventKey != null) {
      collect(keys.get(eventKey), channel, instrument, out);
    }
    return out;
  }

  private static void collect(
      Set<LiveConnection> candidates, Channel channel, String instrument, Set<LiveConnection> out) {
    if (candidates == null) {
      return;
    }
    for (LiveConnection connection : candidates) {
      if (connection.wants(channel, instrument)) {
        out.add(connection);
      }
    }
  }
}
