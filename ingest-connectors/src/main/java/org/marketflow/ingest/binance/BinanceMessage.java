package org.marketflow.ingest.binance;

import java.util.List;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Trade;

/** What a raw Binance message turned out to be. */
public sealed interface BinanceMessage {

  /**
   * A trade, normalized.
   *
   * @param aggregated whether it came from {@code aggTrade} rather than {@code trade}
   */
  record TradeMessage(Trade trade, boolean aggregated) implements BinanceMessage {

    public String kind() {
      return aggregated ? "aggTrade" : "trade";
    }
  }

  /**
   * A {@code depthUpdate} diff: the levels that changed between update ids {@code firstUpdateId}
   * ({@code U}) and {@code lastUpdateId} ({@code u}); futures also give the previous diff's last id
   * ({@code pu}).
   *
   * @param eventTimeMs the venue's event time {@code E}
   */
  record DepthDiff(
      String symbol,
      long firstUpdateId,
      long lastUpdateId,
      Long previousUpdateId,
      long eventTimeMs,
      List<BookLevel> bids,
      List<BookLevel> asks)
      implements BinanceMessage {}

  /**
   * The REST depth snapshot ({@code GET /api/v3/depth}, {@code /fapi/v1/depth}): the book at update
   * id {@code lastUpdateId}. It names no symbol.
   *
   * @param eventTimeMs the venue's time {@code E} (futures), or {@code null} (spot sends none)
   */
  record DepthSnapshot(
      long lastUpdateId, Long eventTimeMs, List<BookLevel> bids, List<BookLevel> asks)
      implements BinanceMessage {}

  /**
   * The best bid and ask ({@code bookTicker}) at update id {@code updateId}.
   *
   * @param eventTimeMs the venue's event time {@code E} (futures), or {@code null} (spot)
   */
  record BookTicker(
      String symbol,
      long updateId,
      double bidPrice,
      double bidSize,
      double askPrice,
      double askSize,
      Long eventTimeMs)
      implements BinanceMessage {}

  /** A valid message of a kind this handler does not publish (aggTrade, kline, ...). */
  record Ignored(String kind) implements BinanceMessage {}

  /** A message that cannot be used, and why. */
  record Malformed(String reason) implements BinanceMessage {}
}
