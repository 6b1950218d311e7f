package org.marketflow.ingest.live;

import java.net.URI;
import org.marketflow.ingest.feed.Venue;

/** Each venue's public endpoints and protocol, as the venues document them. */
public final class VenueEndpoints {

  /** Kraken's book depth the live feed subscribes (Kraken offers 10, 25, 100, 500 and 1000). */
  static final int KRAKEN_DEPTH = 100;

  private VenueEndpoints() {}

  public static URI webSocket(Venue venue) {
    return URI.create(
        switch (venue) {
          case BINANCE_SPOT -> "wss://stream.binance.com:9443";
          case BINANCE_USDM -> "wss://fstream.binance.com";
          case COINBASE -> "wss://ws-feed.exchange.coinbase.com";
          case KRAKEN -> "wss://ws.kraken.com";
          case PARIFLOW -> throw notLive(venue);
        });
  }

  public static URI rest(Venue venue) {
    return URI.create(
        switch (venue) {
          case BINANCE_SPOT -> "https://api.binance.com";
          case BINANCE_USDM -> "https://fapi.binance.com";
          case COINBASE -> "https://api.exchange.coinbase.com";
          case KRAKEN -> "https://api.kraken.com";
          case PARIFLOW -> throw notLive(venue);
        });
  }

  public static VenueProtocol protocol(Venue venue) {
    return switch (venue) {
      case BINANCE_SPOT -> new BinanceProtocol(false);
      case BINANCE_USDM -> new BinanceProtocol(true);
      case COINBASE -> new CoinbaseProtocol();
      case KRAKEN -> new KrakenProtocol(KRAKEN_DEPTH);
      case PARIFLOW -> throw notLive(venue);
    };
  }

  private static IllegalArgumentException notLive(Venue venue) {
    return new IllegalArgumentException(
        "venue "
            + venue.cliName()
            + " is read from the engine's Kafka topics: use 'ingest pariflow'");
  }
}
