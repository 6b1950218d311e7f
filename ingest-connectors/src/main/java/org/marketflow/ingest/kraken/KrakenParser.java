package org.marketflow.ingest.kraken;

import static org.marketflow.ingest.json.VenueJson.integer;
import static org.marketflow.ingest.json.VenueJson.text;
import static org.marketflow.ingest.json.VenueJson.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.Side;

/**
 * Parses Kraken WebSocket v1 public messages: the events ({@code systemStatus}, {@code
 * subscriptionStatus}, {@code heartbeat}, {@code pong}, {@code error}) are JSON objects; channel
 * messages are arrays {@code [channelID, payload..., channelName, pair]}. {@code book-N} messages
 * are read by {@link KrakenBookParser}, {@code trade} messages here; other channels are recognised
 * but not read. Kraken's own {@code error} replies and failed subscriptions are {@link
 * KrakenMessage.Malformed}, so they end as dead letters.
 *
 * <p>A trade is {@code [price, volume, time, side, orderType, misc]}: positive decimal strings, the
 * time in seconds with a fraction (to the microsecond), side {@code b} or {@code s}, order type
 * {@code m} or {@code l}; a trade time more than {@link #MAX_CLOCK_SKEW_US} from the receive time
 * (when known) is not believed.
 */
public final class KrakenParser {

  /** How far the venue's clock may be from ours before a trade's time is not believed: a day. */
  static final long MAX_CLOCK_SKEW_US = 86_400_000_000L;

  /** 9999-12-31T23:59:59.999999Z, the latest epoch microsecond a time may be. */
  private static final long MAX_EPOCH_US = VenueJson.MAX_EPOCH_MS * 1_000L + 999L;

  private final KrakenBookParser books = new KrakenBookParser();

  /**
   * Parses a message as Kraken sent it (UTF-8 JSON); never throws.
   *
   * @param receiveTimeUs local receive time, epoch microseconds, 0 when unknown
   */
  public KrakenMessage parse(byte[] json, long receiveTimeUs) {
    JsonNode root;
    try {
      root = VenueJson.read(json);
    } catch (IllegalArgumentException e) {
      return new KrakenMessage.Malformed(e.getMessage());
    }
    if (root.isObject()) {
      return event(root);
    }
    if (root.isArray()) {
      return channelMessage(root, receiveTimeUs);
    }
    return new KrakenMessage.Malformed("not a JSON object or array");
  }

  private static KrakenMessage event(JsonNode root) {
    String event = textOrNull(root, "event");
    if (event == null) {
      return new KrakenMessage.Malformed("an object without a string 'event'");
    }
    try {
      switch (event) {
        case "heartbeat":
          return new KrakenMessage.Heartbeat();
        case "systemStatus":
          return new KrakenMessage.SystemStatus(text(root, "status"));
        case "subscriptionStatus":
          return subscription(root);
        case "pong":
          return new KrakenMessage.Ignored("pong");
        case "error":
          return new KrakenMessage.Malformed("error: " + textOrNull(root, "errorMessage"));
        default:
          return new KrakenMessage.Malformed("unknown event '" + event + "'");
      }
    } catch (IllegalArgumentException e) {
      return new KrakenMessage.Malformed(event + ": " + e.getMessage());
    }
  }

  private static KrakenMessage subscription(JsonNode root) {
    String status = text(root, "status");
    switch (status) {
      case "subscribed":
        {
          long channelId = integer(root, "channelID");
          String channelName = text(root, "channelName");
          if (channelId < 0) {
            throw new IllegalArgumentException("field 'channelID' is negative: " + channelId);
          }
          if (channelName.startsWith("book")) {
            KrakenBookParser.depth(channelName);
          }
          return new KrakenMessage.Subscribed(channelId, channelName, text(root, "pair"));
        }
      case "unsubscribed":
        return new KrakenMessage.Unsubscribed(integer(root, "channelID"), text(root, "pair"));
      case "error":
        return new KrakenMessage.Malformed(
            "subscriptionStatus error: "
                + textOrNull(root, "errorMessage")
                + " (pair "
                + textOrNull(root, "pair")
                + ")");
      default:
        throw new IllegalArgumentException("unknown status '" + status + "'");
    }
  }

  private KrakenMessage channelMessage(JsonNode root, long receiveTimeUs) {
    if (root.size() < 4) {
      return new KrakenMessage.Malformed("a channel message has fewer than 4 elements");
    }
    JsonNode nameNode = root.get(root.size() - 2);
    String name = nameNode.isTextual() ? nameNode.asText() : "channel message";
    try {
      long channelId = channelId(root);
      element(root, root.size() - 2, "channel name");
      String pair = element(root, root.size() - 1, "pair");
      if (name.startsWith("book-")) {
        return books.parse(root);
      }
      if ("trade".equals(name)) {
        return trades(root, channelId, pair, receiveTimeUs);
      }
      return new KrakenMessage.OtherChannel(channelId, name, pair);
    } catch (IllegalArgumentException e) {
      return new KrakenMessage.Malformed(name + ": " + e.getMessage());
    }
  }

  private static KrakenMessage.Trades trades(
      JsonNode root, long channelId, String pair, long receiveTimeUs) {
    if (root.size() != 4 || !root.get(1).isArray() || root.get(1).isEmpty()) {
      throw new IllegalArgumentException("not [channelID, [trade, ...], \"trade\", pair]");
    }
    List<KrakenMessage.Trade> trades = new ArrayList<>(root.get(1).size());
    for (JsonNode entry : root.get(1)) {
      if (!entry.isArray() || entry.size() != 6) {
        throw new IllegalArgumentException(
            "a trade is not [price, volume, time, side, orderType, misc]: " + entry);
      }
      double price = VenueJson.positive("price", VenueJson.decimal("price", entry.get(0)));
      double volume = VenueJson.positive("volume", VenueJson.decimal("volume", entry.get(1)));
      VenueJson.decimal("time", entry.get(2));
      long timeUs = epochUs("time", entry.get(2).asText());
      if (receiveTimeUs > 0 && Math.abs(timeUs - receiveTimeUs) > MAX_CLOCK_SKEW_US) {
        throw new IllegalArgumentException(
            "trade time " + timeUs + " is more than a day from the receive time " + receiveTimeUs);
      }
      Side side =
          switch (entry.get(3).asText()) {
            case "b" -> Side.BUY;
            case "s" -> Side.SELL;
            default -> throw new IllegalArgumentException("side is not b or s: " + entry.get(3));
          };
      String orderType = entry.get(4).asText();
      if (!entry.get(4).isTextual() || !("m".equals(orderType) || "l".equals(orderType))) {
        throw new IllegalArgumentException("order type is not m or l: " + entry.get(4));
      }
      if (!entry.get(5).isTextual()) {
        throw new IllegalArgumentException("misc is not a string: " + entry.get(5));
      }
      trades.add(new KrakenMessage.Trade(price, volume, timeUs, side, orderType));
    }
    return new KrakenMessage.Trades(channelId, pair, trades);
  }

  /** The channel id, first element of a channel message: an integer of zero or more. */
  static long channelId(JsonNode root) {
    JsonNode node = root.get(0);
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
      throw new IllegalArgumentException("channel id is not an integer: " + node);
    }
    return node.asLong();
  }

  /** The string at {@code index} of a channel message. */
  static String element(JsonNode root, int index, String what) {
    JsonNode node = root.get(index);
    if (!node.isTextual() || node.asText().isEmpty()) {
      throw new IllegalArgumentException(what + " is not a string: " + node);
    }
    return node.asText();
  }

  /**
   * Kraken's time, seconds since the epoch with a fraction ({@code "1618678163.318329"}), in epoch
   * microseconds: exact to the microsecond, as Kraken sends it; finer digits are cut.
   */
  static long epochUs(String name, String seconds) {
    VenueJson.decimal(name, seconds); // Kraken's plain digits, nothing else BigDecimal would take
    BigDecimal timeUs = new BigDecimal(seconds).movePointRight(6).setScale(0, RoundingMode.FLOOR);
    if (timeUs.signum() <= 0 || timeUs.compareTo(BigDecimal.valueOf(MAX_EPOCH_US)) > 0) {
      throw new IllegalArgumentException("field '" + name + "' is not an epoch time: " + seconds);
    }
    return timeUs.longValueExact();
  }
}
