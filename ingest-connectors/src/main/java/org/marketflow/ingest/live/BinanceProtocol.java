package org.marketflow.ingest.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binance spot and USD-M futures: one combined-stream connection ({@code /stream?streams=...}) with
 * each symbol's {@code depth@100ms}, {@code bookTicker} and {@code trade} streams, subscribed in
 * the URL (no subscription messages, so the 5 messages per second a client may send are never
 * approached), and the REST depth snapshot ({@code /api/v3/depth}, {@code /fapi/v1/depth}) with
 * 1000 levels.
 */
public record BinanceProtocol(boolean futures) implements VenueProtocol {

  static final int SNAPSHOT_LEVELS = 1000;

  @Override
  public URI streamUri(URI webSocket, List<String> symbols) {
    List<String> streams = new ArrayList<>();
    for (String symbol : symbols) {
      String lower = symbol.toLowerCase(Locale.ROOT);
      streams.add(lower + "@depth@100ms");
      streams.add(lower + "@bookTicker");
      streams.add(lower + "@trade");
    }
    return URI.create(strip(webSocket) + "/stream?streams=" + String.join("/", streams));
  }

  @Override
  public List<String> subscribeMessages(List<String> symbols) {
    return List.of();
  }

  @Override
  public Optional<URI> snapshotUri(URI rest, String symbol) {
    String path = futures ? "/fapi/v1/depth" : "/api/v3/depth";
    return Optional.of(
        URI.create(
            strip(rest)
                + path
                + "?symbol="
                + symbol.toUpperCase(Locale.ROOT)
                + "&limit="
                + SNAPSHOT_LEVELS));
  }

  @Override
  public List<String> resubscribeMessages(String symbol) {
    return List.of();
  }

  private static String strip(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
