package org.marketflow.ingest.feed;

/**
 * How a feed asks for a fresh book after a gap or a checksum mismatch: live, a new REST snapshot
 * (Binance) or a new subscription (Coinbase, Kraken); in a recording, nothing (the next snapshot in
 * the file resyncs).
 */
@FunctionalInterface
public interface ResyncRequests {

  ResyncRequests NONE = symbol -> {};

  /** The book of {@code symbol} (the venue's own symbol) needs a fresh snapshot. */
  void request(String symbol);
}
