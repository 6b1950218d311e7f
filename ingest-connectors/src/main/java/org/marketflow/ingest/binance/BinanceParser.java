package org.marketflow.ingest.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Parses Binance spot and USD-M futures public messages, bare or in the combined-stream envelope
 * {@code {"stream":..,"data":{..}}}: {@code trade} into a normalized {@code Trade}; {@code
 * depthUpdate} diffs, the REST depth snapshot and {@code bookTicker} into their {@link
 * BinanceMessage} records, which {@link BinanceBookSync} keeps a book with. Binance's {@code m}
 * ("buyer is the maker") means the aggressor sold. Futures trades other than {@code X = MARKET}
 * (insurance fund, ADL) are not market trades and are ignored, as are the other public message
 * kinds Binance sends; an event type that Binance does not send is malformed.
 *
 * <p>Strict about what it accepts, since a flipped byte must not become a trade: decimals are
 * Binance's plain {@code 123.45} strings, prices and sizes positive; the trade time is a positive
 * epoch millisecond, and within {@link #MAX_CLOCK_SKEW_MS} of the receive time when that is known;
 * in the combined stream, the symbol must be the stream's.
 */
public final class BinanceParser {

  /** How far the venue's clock may be from ours before a trade's time is not believed: a day. */
  static final long MAX_CLOCK_SKEW_MS = 86_400_000L;

  /** 9999-12-31T23:59:59.999Z: the latest time an epoch-millisecond field may hold. */
  private static final long MAX_EPOCH_MS = 253_402_300_799_999L;

  /**
   * Binance's decimal strings: digits, optionally a point and digits. No sign, exponent or blank.
   */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

  /** The public event types Binance sends that this parser does not turn into trades. */
  private static final Set<String> OTHER_EVENTS =
      Set.of(
          "aggTrade",
          "kline",
          "24hrTicker",
          "24hrMiniTicker",
          "markPriceUpdate",
          "forceOrder",
          "continuous_kline",
          "compositeIndex",
          "contractInfo",
          "assetIndexUpdate");

  private final ObjectMapper mapper = new ObjectMapper();
  private final String venue;

  /**
   * @param venue the venue part of instrument ids, e.g. {@code BINANCE} or {@code BINANCE_USDM}
   */
  public BinanceParser(String venue) {
    this.venue = InstrumentId.of(venue, "X").venue();
  }

  public BinanceMessage parse(String json, long receiveTimeUs) {
    return parse(json.getBytes(StandardCharsets.UTF_8), receiveTimeUs);
  }

  /** Parses a message as the venue sent it: UTF-8 JSON. */
  public BinanceMessage parse(byte[] json, long receiveTimeUs) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return new BinanceMessage.Malformed("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new BinanceMessage.Malformed("unreadable message: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return new BinanceMessage.Malformed("not a JSON object");
    }
    JsonNode data = root.has("data") ? root.get("data") : root;
    if (!data.isObject()) {
      return new BinanceMessage.Malformed("'data' is not a JSON object");
    }
    try {
      if (data.has("lastUpdateId") && !data.has("e")) {
        return snapshot(data);
      }
      JsonNode type = data.get("e");
      if (type == null) {
        return data.has("u") && data.has("b") && data.has("a")
            ? bookTicker(data)
            : new BinanceMessage.Malformed("no event type 'e'");
      }
      switch (type.asText()) {
        case "trade" -> {}
        case "depthUpdate" -> {
          return depthDiff(data);
        }
        case "bookTicker" -> {
          return bookTicker(data);
        }
        default -> {
          return OTHER_EVENTS.contains(type.asText())
              ? new BinanceMessage.Ignored(type.asText())
              : new BinanceMessage.Malformed("unknown event type '" + type.asText() + "'");
        }
      }
    } catch (IllegalArgumentException e) {
      return new BinanceMessage.Malformed(kindOf(data) + ": " + e.getMessage());
    }
    JsonNode kind = data.get("X");
    if (kind != null && !"MARKET".equals(kind.asText())) {
      return new BinanceMessage.Ignored("trade " + kind.asText());
    }
    try {
      Trade trade = trade(data, receiveTimeUs);
      String stream = root.has("data") ? textOrNull(root, "stream") : null;
      if (stream != null && !stream.toUpperCase(Locale.ROOT).startsWith(text(data, "s") + "@")) {
        return new BinanceMessage.Malformed(
            "trade: symbol '" + text(data, "s") + "' is not the symbol of stream '" + stream + "'");
      }
      return new BinanceMessage.TradeMessage(trade);
    } catch (IllegalArgumentException e) {
      return new BinanceMessage.Malformed("trade: " + e.getMessage());
    }
  }

  private Trade trade(JsonNode data, long receiveTimeUs) {
    String symbol = text(data, "s");
    long tradeId = integer(data, "t");
    return Trade.newBuilder()
        .setInstrument(InstrumentId.of(venue, symbol).toString())
        .setExchangeTimeUs(tradeTimeMs(data, receiveTimeUs) * 1_000L)
        .setReceiveTimeUs(receiveTimeUs)
        .setSequence(tradeId)
        .setTradeId(Long.toString(tradeId))
        .setPrice(positiveDecimal(data, "p"))
        .setSize(positiveDecimal(data, "q"))
        .setSide(bool(data, "m") ? Side.SELL : Side.BUY)
        .build();
  }

  private static String kindOf(JsonNode data) {
    JsonNode type = data.get("e");
    return type != null ? type.asText() : data.has("lastUpdateId") ? "depthSnapshot" : "bookTicker";
  }

  private static BinanceMessage.DepthDiff depthDiff(JsonNode data) {
    JsonNode previous = data.get("pu");
    return new BinanceMessage.DepthDiff(
        text(data, "s"),
        integer(data, "U"),
        integer(data, "u"),
        previous == null ? null : integer(data, "pu"),
        integer(data, "E"),
        levels(data, "b"),
        levels(data, "a"));
  }

  private static BinanceMessage.DepthSnapshot snapshot(JsonNode data) {
    return new BinanceMessage.DepthSnapshot(
        integer(data, "lastUpdateId"),
        data.has("E") ? integer(data, "E") : null,
        levels(data, "bids"),
        levels(data, "asks"));
  }

  private static BinanceMessage.BookTicker bookTicker(JsonNode data) {
    return new BinanceMessage.BookTicker(
        text(data, "s"),
        integer(data, "u"),
        positiveDecimal(data, "b"),
        nonNegativeDecimal(data, "B"),
        positiveDecimal(data, "a"),
        nonNegativeDecimal(data, "A"),
        data.has("E") ? integer(data, "E") : null);
  }

  /** {@code [["price", "size"], ...]}: positive prices, sizes of zero or more (zero removes). */
  private static List<BookLevel> levels(JsonNode data, String name) {
    JsonNode array = field(data, name);
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    List<BookLevel> levels = new ArrayList<>(array.size());
    for (JsonNode level : array) {
      if (!level.isArray() || level.size() != 2) {
        throw new IllegalArgumentException("a level of '" + name + "' is not [price, size]");
      }
      double price = positive(name, decimal(name, level.get(0)));
      double size = decimal(name, level.get(1));
      levels.add(new BookLevel(price, size, null));
    }
    return levels;
  }

  /** The trade time {@code T}, if it can be believed. */
  private static long tradeTimeMs(JsonNode data, long receiveTimeUs) {
    long timeMs = integer(data, "T");
    if (timeMs <= 0 || timeMs > MAX_EPOCH_MS) {
      throw new IllegalArgumentException("field 'T' is not an epoch millisecond: " + timeMs);
    }
    long receiveMs = receiveTimeUs / 1_000L;
    if (receiveTimeUs > 0 && Math.abs(timeMs - receiveMs) > MAX_CLOCK_SKEW_MS) {
      throw new IllegalArgumentException(
          "field 'T' (" + timeMs + ") is more than a day from the receive time " + receiveMs);
    }
    return timeMs;
  }

  private static String textOrNull(JsonNode data, String name) {
    JsonNode node = data.get(name);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static JsonNode field(JsonNode data, String name) {
    JsonNode node = data.get(name);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return node;
  }

  private static String text(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' is not a string");
    }
    return node.asText();
  }

  private static long integer(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.canConvertToLong() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + name + "' is not an integer");
    }
    return node.asLong();
  }

  private static boolean bool(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("field '" + name + "' is not a boolean");
    }
    return node.asBoolean();
  }

  /**
   * Binance sends decimals as strings such as {@code "61837.63000000"}; anything else ({@code
   * 0x1p16}, {@code 61837.63d}, blanks, a sign, an exponent) is refused, although Java would parse
   * it. Double.parseDouble rounds what is accepted correctly.
   */
  private static double positiveDecimal(JsonNode data, String name) {
    return positive(name, decimal(name, field(data, name)));
  }

  private static double nonNegativeDecimal(JsonNode data, String name) {
    return decimal(name, field(data, name));
  }

  /** A decimal string of field {@code name}: zero or more, finite. */
  private static double decimal(String name, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' is not a decimal string");
    }
    String text = node.asText();
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("field '" + name + "' is not a decimal: '" + text + "'");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("field '" + name + "' is out of range: '" + text + "'");
    }
    return value;
  }

  private static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("field '" + name + "' is not positive: '" + value + "'");
    }
    return value;
  }
}
