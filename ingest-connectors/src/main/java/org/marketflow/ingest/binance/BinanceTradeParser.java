package org.marketflow.ingest.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Normalizes Binance spot and USD-M futures {@code trade} messages, bare or in the combined-stream
 * envelope {@code {"stream":..,"data":{..}}}. Binance's {@code m} ("buyer is the maker") means the
 * aggressor sold. Futures trades other than {@code X = MARKET} (insurance fund, ADL) are not market
 * trades and are ignored.
 */
public final class BinanceTradeParser {

  private final ObjectMapper mapper = new ObjectMapper();
  private final String venue;

  /**
   * @param venue the venue part of instrument ids, e.g. {@code BINANCE} or {@code BINANCE_USDM}
   */
  public BinanceTradeParser(String venue) {
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
    if (data.has("lastUpdateId") && !data.has("e")) {
      return new BinanceMessage.Ignored("depthSnapshot");
    }
    JsonNode type = data.get("e");
    if (type == null) {
      return data.has("u") && data.has("b") && data.has("a")
          ? new BinanceMessage.Ignored("bookTicker")
          : new BinanceMessage.Malformed("no event type 'e'");
    }
    if (!"trade".equals(type.asText())) {
      return new BinanceMessage.Ignored(type.asText());
    }
    JsonNode kind = data.get("X");
    if (kind != null && !"MARKET".equals(kind.asText())) {
      return new BinanceMessage.Ignored("trade " + kind.asText());
    }
    try {
      return new BinanceMessage.TradeMessage(trade(data, receiveTimeUs));
    } catch (IllegalArgumentException e) {
      return new BinanceMessage.Malformed("trade: " + e.getMessage());
    }
  }

  private Trade trade(JsonNode data, long receiveTimeUs) {
    String symbol = text(data, "s");
    long tradeId = integer(data, "t");
    return Trade.newBuilder()
        .setInstrument(InstrumentId.of(venue, symbol).toString())
        .setExchangeTimeUs(integer(data, "T") * 1_000L)
        .setReceiveTimeUs(receiveTimeUs)
        .setSequence(tradeId)
        .setTradeId(Long.toString(tradeId))
        .setPrice(decimal(data, "p"))
        .setSize(decimal(data, "q"))
        .setSide(bool(data, "m") ? Side.SELL : Side.BUY)
        .build();
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

  /** Binance sends decimals as strings; Double.parseDouble rounds them correctly. */
  private static double decimal(JsonNode data, String name) {
    String text = text(data, name);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field '" + name + "' is not a decimal: '" + text + "'");
    }
  }
}
