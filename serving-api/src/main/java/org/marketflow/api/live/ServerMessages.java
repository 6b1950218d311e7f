package org.marketflow.api.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.marketflow.api.error.ErrorCode;

/**
 * The JSON messages the server sends, each with a {@code type}. docs/api.md ("WebSocket") shows
 * each with an example. Times are ISO 8601 instants (microseconds kept); prices and sizes are the
 * records' doubles, unrounded.
 */
final class ServerMessages {

  private ServerMessages() {}

  /**
   * The answer to a {@code subscribe} ({@code type} {@code subscribed}) or {@code unsubscribe}
   * ({@code unsubscribed}): the message's {@code id}, channels and market, and how many
   * subscriptions the connection holds now.
   */
  @JsonPropertyOrder({
    "type",
    "id",
    "channels",
    "instrument",
    "eventId",
    "outcomeId",
    "option",
    "subscriptions"
  })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Acknowledgement(
      String type,
      Object id,
      List<String> channels,
      String instrument,
      String eventId,
      String outcomeId,
      String option,
      int subscriptions) {}

  /**
   * A message the server could not accept, as the REST {@code ErrorResponse} plus {@code type}
   * {@code error} and the message's {@code id} (when it could be read).
   */
  @JsonPropertyOrder({"type", "id", "error", "code", "details", "timestamp"})
  record ErrorMessage(
      String type,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object id,
      String error,
      ErrorCode code,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object details,
      Instant timestamp) {

    static ErrorMessage of(Object id, ErrorCode code, String error, Object details) {
      return new ErrorMessage("error", id, error, code, details, Instant.now());
    }
  }

  /**
   * One update of a channel: {@code type} {@code trade}, {@code orderbook} or {@code statistics},
   * the market it belongs to (the PARIFLOW parts split out) and the channel's {@code data}.
   */
  @JsonPropertyOrder({"type", "channel", "instrument", "eventId", "outcomeId", "option", "data"})
  record Update(
      String type,
      String channel,
      String instrument,
      String eventId,
      String outcomeId,
      String option,
      Object data) {}

  /** A trade, as the design's {@code Trade} without user ids. */
  @JsonPropertyOrder({
    "id",
    "sequence",
    "side",
    "price",
    "amount",
    "volume",
    "timestamp",
    "receiveTime",
    "isAmmTrade",
    "orderId"
  })
  record TradeData(
      String id,
      Long sequence,
      String side,
      double price,
      double amount,
      double volume,
      Instant timestamp,
      Instant receiveTime,
      Boolean isAmmTrade,
      String orderId) {}

  /** One price level; {@code orderCount} is null where the venue does not say. */
  @JsonPropertyOrder({"price", "amount", "orderCount"})
  record Level(double price, double amount, Integer orderCount) {}

  /** The top levels of a book, as the design's {@code OrderBook}. */
  @JsonPropertyOrder({
    "timestamp",
    "reason",
    "sequence",
    "bids",
    "asks",
    "spread",
    "midPrice",
    "bookBidLevels",
    "bookAskLevels",
    "checksum"
  })
  record OrderBookData(
      Instant timestamp,
      String reason,
      Long sequence,
      List<Level> bids,
      List<Level> asks,
      Double spread,
      Double midPrice,
      int bookBidLevels,
      int bookAskLevels,
      long checksum) {}

  /** Rolling statistics of one period, as the design's {@code MarketStatistics}. */
  @JsonPropertyOrder({
    "period",
    "periodStart",
    "timestamp",
    "volume",
    "quoteVolume",
    "trades",
    "buyVolume",
    "sellVolume",
    "open",
    "high",
    "low",
    "close",
    "vwap",
    "volatility",
    "annualizedVolatility",
    "liquidity"
  })
  record StatisticsData(
      String period,
      Instant periodStart,
      Instant timestamp,
      double volume,
      double quoteVolume,
      long trades,
      double buyVolume,
      double sellVolume,
      Double open,
      Double high,
      Double low,
      Double close,
      Double vwap,
      Double volatility,
      Double annualizedVolatility,
      Double liquidity) {}
}
