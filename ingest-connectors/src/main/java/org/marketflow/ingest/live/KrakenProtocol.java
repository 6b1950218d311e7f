package org.marketflow.ingest.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Kraken WebSocket v1: one connection subscribed to {@code book} (at {@link #depth}) and {@code
 * trade} for every pair; a book whose checksum failed is resynced by unsubscribing and subscribing
 * its pair's book again, which sends a fresh snapshot.
 */
public record KrakenProtocol(int depth) implements VenueProtocol {

  @Override
  public URI streamUri(URI webSocket, List<String> symbols) {
    return webSocket;
  }

  @Override
  public List<String> subscribeMessages(List<String> symbols) {
    return List.of(book("subscribe", symbols), trade(symbols));
  }

  @Override
  public Optional<URI> snapshotUri(URI rest, String symbol) {
    return Optional.empty();
  }

  @Override
  public List<String> resubscribeMessages(String symbol) {
    return List.of(book("unsubscribe", List.of(symbol)), book("subscribe", List.of(symbol)));
  }

  private String book(String event, List<String> pairs) {
    return "{\"event\":\""
        + event
        + "\",\"pair\":"
        + pairs(pairs)
        + ",\"subscription\":{\"name\":\"book\",\"depth\":"
        + depth
        + "}}";
  }

  private static String trade(List<String> pairs) {
    return "{\"event\":\"subscribe\",\"pair\":"
        + pairs(pairs)
        + ",\"subscription\":{\"name\":\"trade\"}}";
  }

  private static String pairs(List<String> pairs) {
    return "[\"" + String.join("\",\"", pairs) + "\"]";
  }
}
