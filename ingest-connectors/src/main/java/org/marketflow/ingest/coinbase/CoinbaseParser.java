package org.marketflow.ingest.coinbase;

import static org.marketflow.ingest.json.VenueJson.field;
import static org.marketflow.ingest.json.VenueJson.integer;
import static org.marketflow.ingest.json.VenueJson.levels;
import static org.marketflow.ingest.json.VenueJson.nonNegativeDecimal;
import static org.marketflow.ingest.json.VenueJson.positiveDecimal;
import static org.marketflow.ingest.json.VenueJson.text;
import static org.marketflow.ingest.json.VenueJson.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Quote;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Parses Coinbase Exchange WebSocket messages ({@code wss://ws-feed.exchange.coinbase.com}): the
 * level2 channel's {@code snapshot} and {@code l2update} into book messages, {@code match} and
 * {@code last_match} into normalized {@code Trade}s, {@code ticker} into a {@code Quote}, and
 * {@code subscriptions}, {@code heartbeat} and {@code error} into their {@link CoinbaseMessage}
 * records. The {@code full} and {@code status} channels' kinds are valid but not published; a type
 * Coinbase does not send is malformed.
 *
 * <ul>
 *   <li>Coinbase's {@code side} of a match is the maker's: the aggressor is the other side.
 *   <li>Times are ISO-8601 UTC ({@code 2021-04-17T16:43:37.075687Z}), kept to the microsecond
 *       (digits beyond the sixth, which Coinbase does not send, are cut).
 *   <li>{@code ticker}s without {@code best_bid_size} / {@code best_ask_size} (the feed of 2021
 *       sends none) get a size of {@code NaN}: unknown, not zero. A ticker without {@code time}
 *       gets the receive time.
 * </ul>
 *
 * <p>Strict about what it accepts, since a flipped byte must not become a trade or a level:
 * decimals are plain {@code 123.45} strings, prices and trade sizes positive, level sizes zero or
 * more, sequences and trade ids positive integers, product ids {@code BASE-QUOTE} in upper case
 * and, when the parser was given its products, one of them.
 */
public final class CoinbaseParser {

  static final String VENUE = "COINBASE";

  private static final Pattern PRODUCT = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");

  private static final Pattern TIME =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");

  /** The valid kinds this parser does not publish: the full channel's and the status channel's. */
  private static final Set<String> OTHER_TYPES =
      Set.of("received", "open", "done", "change", "activate", "status", "auction");

  private final Set<String> products;

  /** A parser of any product. */
  public CoinbaseParser() {
    this(Set.of());
  }

  /**
   * @param products the product ids expected (e.g. {@code BTC-USD}); a message of another is
   *     malformed. Empty: any product.
   */
  public CoinbaseParser(Set<String> products) {
    this.products = Set.copyOf(products);
  }

  public CoinbaseMessage parse(String json, long receiveTimeUs) {
    return parse(json.getBytes(StandardCharsets.UTF_8), receiveTimeUs);
  }

  /** Parses a message as the venue sent it: UTF-8 JSON. */
  public CoinbaseMessage parse(byte[] json, long receiveTimeUs) {
    JsonNode root;
    try {
      root = VenueJson.read(json);
    } catch (IllegalArgumentException e) {
      return new CoinbaseMessage.Malformed(e.getMessage());
    }
    if (!root.isObject()) {
      return new CoinbaseMessage.Malformed("not a JSON object");
    }
    String type;
    try {
      type = text(root, "type");
    } catch (IllegalArgumentException e) {
      return new CoinbaseMessage.Malformed(e.getMessage());
    }
    try {
      return switch (type) {
        case "snapshot" -> snapshot(root);
        case "l2update" -> l2update(root);
        case "match", "last_match" -> trade(type, root, receiveTimeUs);
        case "ticker" -> ticker(root, receiveTimeUs);
        case "heartbeat" ->
            new CoinbaseMessage.Heartbeat(
                product(root), positiveInteger(root, "sequence"), timeUs(root, "time"));
        case "subscriptions" -> subscriptions(root);
        case "error" -> error(root);
        default ->
            OTHER_TYPES.contains(type)
                ? new CoinbaseMessage.Ignored(
                    type, root.hasNonNull("product_id") ? product(root) : null)
                : new CoinbaseMessage.Malformed("unknown message type '" + type + "'");
      };
    } catch (IllegalArgumentException e) {
      return new CoinbaseMessage.Malformed(type + ": " + e.getMessage());
    }
  }

  /** The instrument id of a Coinbase product: {@code COINBASE:BTC-USD}. */
  public static String instrument(String productId) {
    return InstrumentId.of(VENUE, productId).toString();
  }

  /** A level2 snapshot; a crossed one (best bid at or above best ask) is malformed. */
  private CoinbaseMessage.Snapshot snapshot(JsonNode data) {
    CoinbaseMessage.Snapshot snapshot =
        new CoinbaseMessage.Snapshot(
            product(data),
            positiveIntegerOrNull(data, "sequence"),
            data.hasNonNull("time") ? timeUs(data, "time") : null,
            levels(data, "bids"),
            levels(data, "asks"));
    double bestBid = best(snapshot.bids(), true);
    double bestAsk = best(snapshot.asks(), false);
    if (bestBid >= bestAsk) {
      throw new IllegalArgumentException(
          "crossed book: best bid " + bestBid + " is not below best ask " + bestAsk);
    }
    return snapshot;
  }

  /** The best price of a side's levels with a size; an infinity of the losing side if none. */
  private static double best(List<BookLevel> levels, boolean bids) {
    double best = bids ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (BookLevel level : levels) {
      if (level.getSize() > 0) {
        best = bids ? Math.max(best, level.getPrice()) : Math.min(best, level.getPrice());
      }
    }
    return best;
  }

  private CoinbaseMessage.L2Update l2update(JsonNode data) {
    String productId = product(data);
    Long sequence = positiveIntegerOrNull(data, "sequence");
    long timeUs = timeUs(data, "time");
    JsonNode changes = field(data, "changes");
    if (!changes.isArray()) {
      throw new IllegalArgumentException("field 'changes' is not an array");
    }
    List<BookLevel> bids = new ArrayList<>();
    List<BookLevel> asks = new ArrayList<>();
    for (JsonNode change : changes) {
      if (!change.isArray() || change.size() != 3 || !change.get(0).isTextual()) {
        throw new IllegalArgumentException("a change of 'changes' is not [side, price, size]");
      }
      BookLevel level =
          new BookLevel(
              VenueJson.positive("changes", VenueJson.decimal("changes", change.get(1))),
              VenueJson.decimal("changes", change.get(2)),
              null);
      switch (change.get(0).asText()) {
        case "buy" -> bids.add(level);
        case "sell" -> asks.add(level);
        default ->
            throw new IllegalArgumentException(
                "a change's side is not buy or sell: '" + change.get(0).asText() + "'");
      }
    }
    return new CoinbaseMessage.L2Update(productId, sequence, timeUs, bids, asks);
  }

  private CoinbaseMessage.TradeMessage trade(String type, JsonNode data, long receiveTimeUs) {
    String productId = product(data);
    long tradeId = positiveInteger(data, "trade_id");
    Side maker = side(data);
    Trade trade =
        Trade.newBuilder()
            .setInstrument(instrument(productId))
            .setExchangeTimeUs(timeUs(data, "time"))
            .setReceiveTimeUs(receiveTimeUs)
            .setSequence(positiveInteger(data, "sequence"))
            .setTradeId(Long.toString(tradeId))
            .setPrice(positiveDecimal(data, "price"))
            .setSize(positiveDecimal(data, "size"))
            .setSide(maker == Side.BUY ? Side.SELL : Side.BUY)
            .build();
    return new CoinbaseMessage.TradeMessage(type, productId, tradeId, trade);
  }

  private CoinbaseMessage.Ticker ticker(JsonNode data, long receiveTimeUs) {
    String productId = product(data);
    double bid = positiveDecimal(data, "best_bid");
    double ask = positiveDecimal(data, "best_ask");
    if (bid >= ask) {
      throw new IllegalArgumentException(
          "best_bid " + bid + " is not below best_ask " + ask + ": a crossed book");
    }
    Quote quote =
        Quote.newBuilder()
            .setInstrument(instrument(productId))
            .setExchangeTimeUs(data.hasNonNull("time") ? timeUs(data, "time") : receiveTimeUs)
            .setReceiveTimeUs(receiveTimeUs)
            .setSequence(positiveIntegerOrNull(data, "sequence"))
            .setBidPrice(bid)
            .setBidSize(sizeOrUnknown(data, "best_bid_size"))
            .setAskPrice(ask)
            .setAskSize(sizeOrUnknown(data, "best_ask_size"))
            .build();
    return new CoinbaseMessage.Ticker(productId, quote);
  }

  private CoinbaseMessage.Subscriptions subscriptions(JsonNode data) {
    JsonNode channels = field(data, "channels");
    if (!channels.isArray()) {
      throw new IllegalArgumentException("field 'channels' is not an array");
    }
    Set<String> productIds = new LinkedHashSet<>();
    for (JsonNode channel : channels) {
      if (!channel.isObject()) {
        throw new IllegalArgumentException("a channel of 'channels' is not an object");
      }
      text(channel, "name");
      JsonNode ids = channel.get("product_ids");
      if (ids == null) {
        continue; // a channel of no product
      }
      if (!ids.isArray()) {
        throw new IllegalArgumentException("field 'product_ids' is not an array");
      }
      for (JsonNode id : ids) {
        if (!id.isTextual()) {
          throw new IllegalArgumentException("a product id of 'product_ids' is not a string");
        }
        productIds.add(product(id.asText()));
      }
    }
    return new CoinbaseMessage.Subscriptions(List.copyOf(productIds));
  }

  private static CoinbaseMessage.VenueError error(JsonNode data) {
    String message = textOrNull(data, "message");
    String reason = textOrNull(data, "reason");
    return new CoinbaseMessage.VenueError(
        "error from Coinbase: "
            + (message == null ? "(no message)" : message)
            + (reason == null ? "" : " (" + reason + ")"));
  }

  private String product(JsonNode data) {
    return product(text(data, "product_id"));
  }

  private String product(String productId) {
    if (!PRODUCT.matcher(productId).matches()) {
      throw new IllegalArgumentException("'" + productId + "' is not a Coinbase product id");
    }
    if (!products.isEmpty() && !products.contains(productId)) {
      throw new IllegalArgumentException("unknown product '" + productId + "'");
    }
    return productId;
  }

  private static Side side(JsonNode data) {
    String side = text(data, "side");
    return switch (side) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default ->
          throw new IllegalArgumentException("field 'side' is not buy or sell: '" + side + "'");
    };
  }

  private static double sizeOrUnknown(JsonNode data, String name) {
    return data.hasNonNull(name) ? nonNegativeDecimal(data, name) : Double.NaN;
  }

  private static long positiveInteger(JsonNode data, String name) {
    long value = integer(data, name);
    if (value <= 0) {
      throw new IllegalArgumentException("field '" + name + "' is not positive: " + value);
    }
    return value;
  }

  private static Long positiveIntegerOrNull(JsonNode data, String name) {
    return data.hasNonNull(name) ? positiveInteger(data, name) : null;
  }

  /** An ISO-8601 UTC time, {@code 2021-04-17T16:43:37.075687Z}, as epoch microseconds. */
  static long timeUs(JsonNode data, String name) {
    String text = text(data, name);
    if (!TIME.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "field '" + name + "' is not an ISO-8601 UTC time: '" + text + "'");
    }
    Instant time;
    try {
      time = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "field '" + name + "' is not a valid time: '" + text + "'");
    }
    long us = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
    if (us <= 0) {
      throw new IllegalArgumentException("field '" + name + "' is not after 1970: '" + text + "'");
    }
    return us;
  }
}
