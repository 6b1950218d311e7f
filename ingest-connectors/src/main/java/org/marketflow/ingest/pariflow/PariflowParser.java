package org.marketflow.ingest.pariflow;

import static org.marketflow.ingest.json.VenueJson.bool;
import static org.marketflow.ingest.json.VenueJson.field;
import static org.marketflow.ingest.json.VenueJson.integer;
import static org.marketflow.ingest.json.VenueJson.number;
import static org.marketflow.ingest.json.VenueJson.positive;
import static org.marketflow.ingest.json.VenueJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * Parses the engine's JSON messages (see {@code docs/venues/pariflow.md}): a trade into a
 * normalized {@code Trade}, a book change (a message with {@code kind}) into a {@link
 * PariflowMessage.BookChange}. Reads only the fields of {@link #FORMAT_FIELDS}: the engine's {@code
 * makerUserId} and {@code takerUserId} are never read, so they cannot reach a record or a reason.
 *
 * <p>Strict, since a flipped byte must not become a trade: prices and amounts are JSON numbers (the
 * engine's own {@code number}s, not strings), finite; prices within [{@value #MIN_PRICE}, {@value
 * #MAX_PRICE}]; trade amounts positive, level amounts zero or more; {@code option} is {@code YES}
 * or {@code NO}; {@code timestamp} is an ISO 8601 instant.
 */
public final class PariflowParser {

  public static final double MIN_PRICE = 0.01;
  public static final double MAX_PRICE = 0.99;

  private static final Instant LATEST = Instant.ofEpochMilli(VenueJson.MAX_EPOCH_MS);

  /** The longest trade or order id taken. */
  static final int MAX_ID_LENGTH = 128;

  /**
   * Every field name of the engine's two formats, at any depth. A dead letter keeps only these
   * fields' values (see {@link EngineRedaction}).
   */
  public static final Set<String> FORMAT_FIELDS =
      Set.of(
          "id",
          "eventId",
          "outcomeId",
          "option",
          "side",
          "price",
          "amount",
          "volume",
          "timestamp",
          "isAmmTrade",
          "orderId",
          "kind",
          "sequence",
          "bids",
          "asks",
          "orderCount");

  /** Parses one engine message: UTF-8 JSON, one object. */
  public PariflowMessage parse(byte[] json) {
    JsonNode root;
    try {
      root = VenueJson.read(json);
    } catch (IllegalArgumentException e) {
      // Jackson's own message may quote a token of the message, which could be a user id.
      return new PariflowMessage.Malformed("invalid JSON");
    }
    if (!root.isObject()) {
      return new PariflowMessage.Malformed("not a JSON object");
    }
    boolean bookChange = root.has("kind");
    try {
      return bookChange ? bookChange(root) : new PariflowMessage.TradeMessage(trade(root));
    } catch (IllegalArgumentException e) {
      return new PariflowMessage.Malformed(
          (bookChange ? "book change: " : "trade: ") + e.getMessage());
    }
  }

  private static Trade trade(JsonNode data) {
    InstrumentId instrument = instrument(data);
    double price = price("price", data);
    double amount = positive("amount", number(data, "amount"));
    double volume = number(data, "volume");
    if (volume < 0) {
      throw new IllegalArgumentException("field 'volume' is negative: " + volume);
    }
    return Trade.newBuilder()
        .setInstrument(instrument.toString())
        .setExchangeTimeUs(timeUs(data))
        .setReceiveTimeUs(0L) // the feed sets the receive time
        .setTradeId(id(data, "id"))
        .setPrice(price)
        .setSize(amount)
        .setSide(side(data))
        .setIsAmmTrade(bool(data, "isAmmTrade"))
        .setOrderId(data.hasNonNull("orderId") ? id(data, "orderId") : null)
        .build();
  }

  private static PariflowMessage.BookChange bookChange(JsonNode data) {
    InstrumentId instrument = instrument(data);
    BookUpdateKind kind =
        switch (text(data, "kind")) {
          case "snapshot" -> BookUpdateKind.SNAPSHOT;
          case "delta" -> BookUpdateKind.DELTA;
          default ->
              throw new IllegalArgumentException(
                  "field 'kind' must be 'snapshot' or 'delta', not '" + text(data, "kind") + "'");
        };
    long sequence = integer(data, "sequence");
    if (sequence < 0) {
      throw new IllegalArgumentException("field 'sequence' is negative: " + sequence);
    }
    boolean snapshot = kind == BookUpdateKind.SNAPSHOT;
    List<BookLevel> bids = levels(data, "bids", snapshot);
    List<BookLevel> asks = levels(data, "asks", snapshot);
    if (snapshot) {
      double bestBid = bids.stream().mapToDouble(BookLevel::getPrice).max().orElse(0.0);
      double bestAsk = asks.stream().mapToDouble(BookLevel::getPrice).min().orElse(1.0);
      if (bestBid >= bestAsk) {
        throw new IllegalArgumentException(
            "crossed snapshot: best bid " + bestBid + " >= best ask " + bestAsk);
      }
    }
    return new PariflowMessage.BookChange(
        instrument.toString(), instrument.symbol(), kind, sequence, timeUs(data), bids, asks);
  }

  /**
   * {@code [{"price": .., "amount": .., "orderCount": ..}, ...]}. In a snapshot every level has a
   * positive amount and at least one order; in a delta a level of amount 0 and 0 orders removes the
   * price, any other has both positive. One price at most once a side.
   */
  private static List<BookLevel> levels(JsonNode data, String name, boolean snapshot) {
    JsonNode array = field(data, name);
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    List<BookLevel> levels = new ArrayList<>(array.size());
    Set<Double> prices = new HashSet<>();
    for (JsonNode level : array) {
      if (!level.isObject()) {
        throw new IllegalArgumentException(
            "a level of '" + name + "' is not an object {price, amount, orderCount}");
      }
      String where = name + "[" + levels.size() + "]";
      double price = price(where + ".price", level);
      double amount = number(level, "amount");
      long orders = integer(level, "orderCount");
      if (amount < 0 || orders < 0 || orders > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "level " + where + " has a negative amount or order count: " + amount + ", " + orders);
      }
      if (snapshot ? amount == 0 || orders == 0 : (amount == 0) != (orders == 0)) {
        throw new IllegalArgumentException(
            "level "
                + where
                + " has amount "
                + amount
                + " with "
                + orders
                + " orders"
                + (snapshot ? " in a snapshot" : ""));
      }
      if (!prices.add(price)) {
        throw new IllegalArgumentException("price " + price + " appears twice in '" + name + "'");
      }
      levels.add(new BookLevel(price, amount, (int) orders));
    }
    return levels;
  }

  private static InstrumentId instrument(JsonNode data) {
    return InstrumentId.pariflow(
        text(data, "eventId"), text(data, "outcomeId"), text(data, "option"));
  }

  /** A price field {@code name} (named {@code label} in the error) within the engine's range. */
  private static double price(String label, JsonNode data) {
    JsonNode node = field(data, "price");
    if (!node.isNumber()) {
      throw new IllegalArgumentException("field '" + label + "' is not a number");
    }
    double price = number(data, "price");
    if (!(price >= MIN_PRICE && price <= MAX_PRICE)) {
      throw new IllegalArgumentException(
          "field '" + label + "' is outside [0.01, 0.99]: " + node.asText());
    }
    return price;
  }

  private static Side side(JsonNode data) {
    String side = text(data, "side");
    return switch (side) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default ->
          throw new IllegalArgumentException(
              "field 'side' must be 'buy' or 'sell', not '" + side + "'");
    };
  }

  private static String id(JsonNode data, String name) {
    String id = text(data, name);
    if (id.isBlank()
        || id.length() > MAX_ID_LENGTH
        || id.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "field '" + name + "' must be 1-" + MAX_ID_LENGTH + " printable characters");
    }
    return id;
  }

  /** {@code timestamp}: an ISO 8601 instant, to the microsecond. */
  private static long timeUs(JsonNode data) {
    String text = text(data, "timestamp");
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "field 'timestamp' is not an ISO 8601 instant: '" + text + "'");
    }
    if (!instant.isAfter(Instant.EPOCH) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "field 'timestamp' is not between 1970 and 9999: '" + text + "'");
    }
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }
}
