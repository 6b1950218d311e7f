package org.marketflow.ingest.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketflow.ingest.json.VenueJson;

/**
 * Reads Kraken WebSocket v1 {@code book} messages: {@code [channelID, {"as":[...],"bs":[...]},
 * "book-N", "PAIR"]} for a snapshot, {@code [channelID, {"a":[...]}, {"b":[...],"c":"..."},
 * "book-N", "PAIR"]} (one or two objects) for an update. Levels are {@code [price, volume,
 * timestamp]}, with a fourth {@code "r"} for a republished level; decimals are kept as Kraken sent
 * them. Other messages (events, heartbeats, other channels) are not book messages.
 *
 * <p>Strict, since a flipped byte must not change a book: prices are positive decimal strings,
 * volumes decimal strings (positive in a snapshot, zero removes a level in an update), times
 * decimal seconds; an update has exactly one checksum {@code c} of at most 32 bits, each side at
 * most once, and no other fields; the depth is one Kraken offers.
 */
public final class KrakenBookParser {

  /** The depths Kraken's {@code book} subscription offers. */
  static final Set<Integer> DEPTHS = Set.of(10, 25, 100, 500, 1000);

  private static final Pattern CHECKSUM = Pattern.compile("[0-9]{1,10}");

  /**
   * @return the book message, or empty for a message of another kind
   * @throws IllegalArgumentException for a book message that is malformed, naming the problem
   */
  public Optional<KrakenBookMessage> parse(byte[] json) {
    JsonNode root = VenueJson.read(json);
    if (!root.isArray()
        || root.size() < 4
        || !root.get(root.size() - 2).asText().startsWith("book-")) {
      return Optional.empty();
    }
    return Optional.of(parse(root));
  }

  /** Reads a message that names a {@code book-N} channel. */
  KrakenBookMessage parse(JsonNode root) {
    long channelId = KrakenParser.channelId(root);
    String channel = KrakenParser.element(root, root.size() - 2, "channel name");
    String pair = KrakenParser.element(root, root.size() - 1, "pair");
    int depth = depth(channel);
    if (root.size() > 5) {
      throw new IllegalArgumentException("a book message has at most two objects");
    }
    List<KrakenBook.Level> asks = new ArrayList<>();
    List<KrakenBook.Level> bids = new ArrayList<>();
    Times times = new Times();
    boolean snapshot = false;
    boolean update = false;
    boolean askSide = false;
    boolean bidSide = false;
    Long checksum = null;
    for (int i = 1; i < root.size() - 2; i++) {
      JsonNode part = root.get(i);
      if (!part.isObject()) {
        throw new IllegalArgumentException("book message part " + i + " is not an object");
      }
      for (Iterator<String> names = part.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        switch (name) {
          case "as", "bs" -> snapshot = true;
          case "a", "b", "c" -> update = true;
          default -> throw new IllegalArgumentException("unknown field '" + name + "'");
        }
        boolean ask = name.startsWith("a");
        if (!"c".equals(name) && (ask ? askSide : bidSide)) {
          throw new IllegalArgumentException("field '" + name + "' more than once");
        }
        switch (name) {
          case "as", "a" -> askSide = true;
          case "bs", "b" -> bidSide = true;
          default -> {
            if (checksum != null) {
              throw new IllegalArgumentException("field 'c' more than once");
            }
            checksum = checksum(part.get(name));
            continue;
          }
        }
        levels(name, part.get(name), snapshot, ask ? asks : bids, times);
      }
    }
    if (snapshot && update) {
      throw new IllegalArgumentException("both snapshot and update fields");
    }
    if (snapshot && (!askSide || !bidSide || root.size() != 4)) {
      throw new IllegalArgumentException("a snapshot is one object with 'as' and 'bs'");
    }
    if (!snapshot && checksum == null) {
      throw new IllegalArgumentException("book update of " + pair + " without a checksum 'c'");
    }
    if (!snapshot && !askSide && !bidSide) {
      throw new IllegalArgumentException("book update of " + pair + " without 'a' or 'b'");
    }
    return new KrakenBookMessage(
        channelId, pair, depth, snapshot, asks, bids, checksum, times.latestUs);
  }

  /** {@code book-1000} → 1000. */
  static int depth(String channel) {
    String digits = channel.startsWith("book-") ? channel.substring("book-".length()) : "";
    if (!digits.matches("[0-9]{1,4}") || !DEPTHS.contains(Integer.parseInt(digits))) {
      throw new IllegalArgumentException("channel '" + channel + "' is not a book depth of Kraken");
    }
    return Integer.parseInt(digits);
  }

  private static long checksum(JsonNode node) {
    if (!node.isTextual() || !CHECKSUM.matcher(node.asText()).matches()) {
      throw new IllegalArgumentException("field 'c' is not a checksum: " + node);
    }
    long checksum = Long.parseLong(node.asText());
    if (checksum > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("field 'c' is more than 32 bits: " + checksum);
    }
    return checksum;
  }

  private static void levels(
      String name, JsonNode array, boolean snapshot, List<KrakenBook.Level> out, Times times) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    for (JsonNode level : array) {
      if (!level.isArray() || level.size() < 3 || level.size() > 4) {
        throw new IllegalArgumentException(
            "a level of '" + name + "' is not [price, volume, timestamp(, \"r\")]: " + level);
      }
      VenueJson.positive(name, VenueJson.decimal(name, level.get(0)));
      double volume = VenueJson.decimal(name, level.get(1));
      if (snapshot) {
        VenueJson.positive(name, volume);
      }
      VenueJson.decimal(name, level.get(2));
      times.add(KrakenParser.epochUs(name, level.get(2).asText()));
      if (level.size() == 4 && !"r".equals(level.get(3).asText())) {
        throw new IllegalArgumentException(
            "a level of '" + name + "' has a fourth element other than \"r\": " + level);
      }
      out.add(new KrakenBook.Level(level.get(0).asText(), level.get(1).asText()));
    }
  }

  /** The latest level time of a message. */
  private static final class Times {
    private Long latestUs;

    void add(long timeUs) {
      latestUs = latestUs == null ? timeUs : Math.max(latestUs, timeUs);
    }
  }
}
