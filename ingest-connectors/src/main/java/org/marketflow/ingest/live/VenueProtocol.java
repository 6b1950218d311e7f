package org.marketflow.ingest.live;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** How to talk to one venue's public endpoints: what to connect to, subscribe and fetch. */
public interface VenueProtocol {

  /** The WebSocket to connect to for {@code symbols}. */
  URI streamUri(URI webSocket, List<String> symbols);

  /** What to send once connected (Binance subscribes in the URL and sends nothing). */
  List<String> subscribeMessages(List<String> symbols);

  /**
   * The REST snapshot of {@code symbol}'s book, if the venue syncs books from one (Binance); empty
   * when the venue sends snapshots on the WebSocket.
   */
  Optional<URI> snapshotUri(URI rest, String symbol);

  /**
   * What to send to get a fresh in-band snapshot of {@code symbol} after a gap (unsubscribe and
   * subscribe again); empty for venues resynced by REST.
   */
  List<String> resubscribeMessages(String symbol);
}
