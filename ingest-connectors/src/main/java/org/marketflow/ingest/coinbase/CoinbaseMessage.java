package org.marketflow.ingest.coinbase;

import java.util.List;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Trade;

/** What a raw Coinbase Exchange WebSocket message turned out to be. */
public sealed interface CoinbaseMessage {

  /** The acknowledgement of a subscription: the products of each channel, all together. */
  record Subscriptions(List<String> productIds) implements CoinbaseMessage {}

  /**
   * A {@code heartbeat}: the product's feed is alive.
   *
   * @param sequence the product's sequence at the time
   */
  record Heartbeat(String productId, long sequence, long timeUs) implements CoinbaseMessage {}

  /**
   * A level2 {@code snapshot}: the whole book of a product.
   *
   * @param sequence its {@code sequence}, or {@code null} (the 2021 feed sends none)
   * @param timeUs its {@code time}, epoch microseconds, or {@code null} (the 2021 feed sends none)
   */
  record Snapshot(
      String productId, Long sequence, Long timeUs, List<BookLevel> bids, List<BookLevel> asks)
      implements CoinbaseMessage {}

  /**
   * A level2 {@code l2update}: the new size of each changed level ({@code 0} removes it), in the
   * order of {@code changes}, split by side.
   *
   * @param sequence its {@code sequence}, or {@code null} (the 2021 feed sends none)
   * @param timeUs its {@code time}, epoch microseconds
   */
  record L2Update(
      String productId, Long sequence, long timeUs, List<BookLevel> bids, List<BookLevel> asks)
      implements CoinbaseMessage {}

  /**
   * A {@code match} or {@code last_match}, normalized.
   *
   * @param type {@code match} or {@code last_match}
   * @param tradeId the venue's {@code trade_id}, increasing per product
   */
  record TradeMessage(String type, String productId, long tradeId, Trade trade)
      implements CoinbaseMessage {}

  /** A {@code ticker}, normalized. */
  record Ticker(String productId, Quote quote) implements CoinbaseMessage {}

  /** The venue's {@code error} message. */
  record VenueError(String reason) implements CoinbaseMessage {}

  /**
   * A valid message of a kind this handler does not publish (the {@code full} channel's {@code
   * received}, {@code open}, ..., {@code status}).
   *
   * @param productId its product, or {@code null}
   */
  record Ignored(String type, String productId) implements CoinbaseMessage {}

  /** A message that cannot be used, and why. */
  record Malformed(String reason) implements CoinbaseMessage {}
}
