package org.marketflow.ingest.binance;

import static org.marketflow.ingest.json.VenueJson.bool;
import static org.marketflow.ingest.json.VenueJson.epochMs;
import static org.marketflow.ingest.json.VenueJson.integer;
import static org.marketflow.ingest.json.VenueJson.levels;
import static org.marketflow.ingest.json.VenueJson.nonNegativeDecimal;
import static org.marketflow.ingest.json.VenueJson.positiveDecimal;
import static org.marketflow.ingest.json.VenueJson.text;
import static org.marketflow.ingest.json.VenueJson.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Parses Binance spot and USD-M futures public messages, bare or in the combined-stream envelope
 * {@code {"stream":..,"data":{..}}}: {@code trade} and {@code aggTrade} into normalized {@code
 * Trade}s; {@code depthUpdate} diffs, the REST depth snapshot and {@code bookTicker} into their
 * {@link BinanceMessage} records, which {@link BinanceBookSync} keeps a book with. Binance's {@code
 * m} ("buyer is the maker") means the aggressor sold. Futures trades other than {@code X = MARKET}
 * (insurance fund, ADL) are not market trades and are ignored, as are the other public message
 * kinds Binance sends; an event type that Binance does not send is malformed.
 *
 * <p>Strict about what it accepts, since a flipped byte must not become a trade: decimals are
 * Binance's plain {@code 123.45} strings, prices and sizes positive; the trade time is a positive
 * epoch millisecond, and within {@link #MAX_CLOCK_SKEW_MS} of the receive time when that is known;
 * event times {@code E} are epoch milliseconds too; a symbol is one an instrument id can hold; in
 * the combined stream, a trade's symbol must be the stream's.
 *
 * <p>Every message first goes through a {@link MessageScanner}, which reads a well-formed {@code
 * depthUpdate} diff, {@code bookTicker}, {@code trade} or {@code aggTrade} straight from the bytes;
 * whatever it cannot prove well-formed, and every other kind of message, is read as a JSON tree and
 * checked field by field, which decides what the message is and why it is refused. Both give the
 * same record for the same message.
 *
 * <p>Not thread-safe: one parser per feed.
 */
public final class BinanceParser {

  /** How far the venue's clock may be from ours before a trade's time is not believed: a day. */
  static final long MAX_CLOCK_SKEW_MS = 86_400_000L;

  /** The public event types Binance sends that this parser does not turn into trades. */
  private static final Set<String> OTHER_EVENTS =
      Set.of(
          "kline",
          "24hrTicker",
          "24hrMiniTicker",
          "markPriceUpdate",
          "forceOrder",
          "continuous_kline",
          "compositeIndex",
          "contractInfo",
          "assetIndexUpdate");

  private final String venue;
  private final MessageScanner scanner;

  /**
   * @param venue the venue part of instrument ids, e.g. {@code BINANCE} or {@code BINANCE_USDM}
   */
  public BinanceParser(String venue) {
    this.venue = InstrumentId.of(venue, "X").venue();
    this.scanner = new MessageScanner(this.venue);
  }

  public BinanceMessage parse(String json, long receiveTimeUs) {
    return parse(json.getBytes(StandardCharsets.UTF_8), receiveTimeUs);
  }

  /** Parses a message as the venue sent it: UTF-8 JSON. */
  public BinanceMessage parse(byte[] json, long receiveTimeUs) {
    BinanceMessage scanned = scanner.scan(json, receiveTimeUs);
    return scanned != null ? scanned : parseTree(json, receiveTimeUs);
  }

  /**
   * Parses a message through the JSON tree alone, without the scanner: what {@link #parse} does
   * with every message the scanner does not take. Public so that benchmarks and tests can compare
   * the two.
   */
  public BinanceMessage parseTree(byte[] json, long receiveTimeUs) {
    JsonNode root;
    try {
      root = VenueJson.read(json);
    } catch (IllegalArgumentException e) {
      return new BinanceMessage.Malformed(e.getMessage());
    }
    if (!root.isObject()) {
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
        case "trade", "aggTrade" -> {}
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
      boolean aggregated = "aggTrade".equals(data.get("e").asText());
      Trade trade = trade(data, aggregated, receiveTimeUs);
      String stream = root.has("data") ? textOrNull(root, "stream") : null;
      if (stream != null && !isStreamOf(stream, text(data, "s"))) {
        return new BinanceMessage.Malformed(
            "trade: symbol '" + text(data, "s") + "' is not the symbol of stream '" + stream + "'");
      }
      return new BinanceMessage.TradeMessage(trade, aggregated);
    } catch (IllegalArgumentException e) {
      return new BinanceMessage.Malformed("trade: " + e.getMessage());
    }
  }

  /**
   * A {@code trade}, or an {@code aggTrade} (the trades of one taker order at one price, summed):
   * its id {@code a} is the sequence, and its trade id is {@code a<id>} so it never equals a {@code
   * trade}'s id.
   */
  private Trade trade(JsonNode data, boolean aggregated, long receiveTimeUs) {
    String symbol = text(data, "s");
    long tradeId = integer(data, aggregated ? "a" : "t");
    String instrument = InstrumentId.of(venue, symbol).toString();
    long timeMs = tradeTimeMs(data, receiveTimeUs);
    double price = positiveDecimal(data, "p");
    double size = positiveDecimal(data, "q");
    return trade(
        instrument, aggregated, tradeId, timeMs, receiveTimeUs, price, size, bool(data, "m"));
  }

  /** The normalized trade of a {@code trade} or {@code aggTrade} whose fields are checked. */
  static Trade trade(
      String instrument,
      boolean aggregated,
      long tradeId,
      long timeMs,
      long receiveTimeUs,
      double price,
      double size,
      boolean buyerIsMaker) {
    return Trade.newBuilder()
        .setInstrument(instrument)
        .setExchangeTimeUs(timeMs * 1_000L)
        .setReceiveTimeUs(receiveTimeUs)
        .setSequence(tradeId)
        .setTradeId(aggregated ? "a" + tradeId : Long.toString(tradeId))
        .setPrice(price)
        .setSize(size)
        .setSide(buyerIsMaker ? Side.SELL : Side.BUY)
        .build();
  }

  private static String kindOf(JsonNode data) {
    JsonNode type = data.get("e");
    return type != null ? type.asText() : data.has("lastUpdateId") ? "depthSnapshot" : "bookTicker";
  }

  private BinanceMessage.DepthDiff depthDiff(JsonNode data) {
    JsonNode previous = data.get("pu");
    return new BinanceMessage.DepthDiff(
        symbol(data),
        integer(data, "U"),
        integer(data, "u"),
        previous == null ? null : integer(data, "pu"),
        epochMs(data, "E"),
        levels(data, "b"),
        levels(data, "a"));
  }

  private static BinanceMessage.DepthSnapshot snapshot(JsonNode data) {
    return new BinanceMessage.DepthSnapshot(
        integer(data, "lastUpdateId"),
        data.has("E") ? epochMs(data, "E") : null,
        levels(data, "bids"),
        levels(data, "asks"));
  }

  private BinanceMessage.BookTicker bookTicker(JsonNode data) {
    return new BinanceMessage.BookTicker(
        symbol(data),
        integer(data, "u"),
        positiveDecimal(data, "b"),
        nonNegativeDecimal(data, "B"),
        positiveDecimal(data, "a"),
        nonNegativeDecimal(data, "A"),
        data.has("E") ? epochMs(data, "E") : null);
  }

  /** The symbol {@code s}: one an instrument id can hold, as the feed makes one of it. */
  private String symbol(JsonNode data) {
    String symbol = text(data, "s");
    InstrumentId.of(venue, symbol);
    return symbol;
  }

  /** The trade time {@code T}, if it can be believed. */
  private static long tradeTimeMs(JsonNode data, long receiveTimeUs) {
    long timeMs = epochMs(data, "T");
    if (!isBelievable(timeMs, receiveTimeUs)) {
      throw new IllegalArgumentException(
          "field 'T' ("
              + timeMs
              + ") is more than a day from the receive time "
              + receiveTimeUs / 1_000L);
    }
    return timeMs;
  }

  /**
   * Whether a trade time is within {@link #MAX_CLOCK_SKEW_MS} of the receive time, when that is
   * known (positive).
   */
  static boolean isBelievable(long timeMs, long receiveTimeUs) {
    return receiveTimeUs <= 0 || Math.abs(timeMs - receiveTimeUs / 1_000L) <= MAX_CLOCK_SKEW_MS;
  }

  /**
   * Whether a combined stream's name is one of {@code symbol}'s: upper-cased, it starts with the
   * symbol and {@code @}.
   */
  static boolean isStreamOf(String stream, String symbol) {
    return stream.toUpperCase(Locale.ROOT).startsWith(symbol + "@");
  }
}
