package org.marketflow.ingest.binance;

import org.marketflow.schemas.avro.Trade;

/** What a raw Binance message turned out to be. */
public sealed interface BinanceMessage {

  /** A trade, normalized. */
  record TradeMessage(Trade trade) implements BinanceMessage {}

  /** A valid message of a kind this handler does not publish (depth, bookTicker, snapshot). */
  record Ignored(String kind) implements BinanceMessage {}

  /** A message that cannot be used, and why. */
  record Malformed(String reason) implements BinanceMessage {}
}
