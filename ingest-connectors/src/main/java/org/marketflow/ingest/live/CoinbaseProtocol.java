package org.marketflow.ingest.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Coinbase Exchange: one connection subscribed to {@code level2_batch}, {@code matches}, {@code
 * ticker} and {@code heartbeat} for every product; a book is resynced by subscribing its product's
 * book channel again, which sends a fresh snapshot. {@code level2_batch} is {@code level2}'s public
 * form (the same {@code snapshot} and {@code l2update} messages, batched every 50 ms): Coinbase
 * requires authentication for {@code level2} itself.
 */
public record CoinbaseProtocol() implements VenueProtocol {

  @Override
  public URI streamUri(URI webSocket, List<String> symbols) {
    return webSocket;
  }

  @Override
  public List<String> subscribeMessages(List<String> symbols) {
    return List.of(
        message("subscribe", symbols, "\"level2_batch\",\"matches\",\"ticker\",\"heartbeat\""));
  }

  @Override
  public Optional<URI> snapshotUri(URI rest, String symbol) {
    return Optional.empty();
  }

  @Override
  public List<String> resubscribeMessages(String symbol) {
    return List.of(
        message("unsubscribe", List.of(symbol), "\"level2_batch\""),
        message("subscribe", List.of(symbol), "\"level2_batch\""));
  }

  private static String message(String type, List<String> products, String channels) {
    return "{\"type\":\""
        + type
        + "\",\"product_ids\":[\""
        + String.join("\",\"", products)
        + "\"],\"channels\":["
        + channels
        + "]}";
  }
}
