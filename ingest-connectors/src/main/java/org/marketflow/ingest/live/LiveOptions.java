package org.marketflow.ingest.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a live connection runs.
 *
 * @param webSocket the venue's WebSocket base, e.g. {@code wss://stream.binance.com:9443}
 * @param rest the venue's REST base, e.g. {@code https://api.binance.com} (for book snapshots)
 * @param symbols the venue's symbols to subscribe, e.g. {@code BTCUSDT}
 * @param staleAfter an instrument silent this long is {@code STALE}; a connection silent this long
 *     is dropped and made again
 * @param backoffInitial the first wait before reconnecting; it doubles up to {@code backoffMax}
 * @param restInterval the least time between two REST requests (the venue's request-weight limit)
 * @param connectInterval the least time between two connection attempts (the venue's connection
 *     limit: Binance allows 300 per 5 minutes per IP)
 */
public record LiveOptions(
    URI webSocket,
    URI rest,
    List<String> symbols,
    Duration staleAfter,
    Duration backoffInitial,
    Duration backoffMax,
    Duration restInterval,
    Duration connectInterval) {

  public LiveOptions {
    symbols = List.copyOf(symbols);
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("no symbols to subscribe");
    }
  }
}
