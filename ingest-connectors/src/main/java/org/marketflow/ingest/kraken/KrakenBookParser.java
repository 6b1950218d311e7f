package org.marketflow.ingest.kraken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Kraken WebSocket v1 {@code book} messages: {@code [channelID, {"as":[...],"bs":[...]},
 * "book-N", "PAIR"]} for a snapshot, {@code [channelID, {"a":[...]}, {"b":[...],"c":"..."},
 * "book-N", "PAIR"]} (one or two objects) for an update. Levels are {@code [price, volume,
 * timestamp]}, with a fourth {@code "r"} for a republished level; decimals are kept as Kraken sent
 * them. Other messages (events, heartbeats, other channels) are not book messages.
 */
public final class KrakenBookParser {

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @return the book message, or empty for a message of another kind
   * @throws IllegalArgumentException for a book message that is malformed, naming the problem
   */
  public Optional<KrakenBookMessage> parse(byte[] json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable message: " + e.getMessage());
    }
    if (root == null || !root.isArray() || root.size() < 4) {
      return Optional.empty();
    }
    String channel = root.get(root.size() - 2).asText();
    if (!channel.startsWith("book-")) {
      return Optional.empty();
    }
    int depth = Integer.parseInt(channel.substring("book-".length()));
    String pair = root.get(root.size() - 1).asText();
    List<KrakenBook.Level> asks = new ArrayList<>();
    List<KrakenBook.Level> bids = new ArrayList<>();
    boolean snapshot = false;
    Long checksum = null;
    for (int i = 1; i < root.size() - 2; i++) {
      JsonNode part = root.get(i);
      if (part.has("as") || part.has("bs")) {
        snapshot = true;
        levels(part.get("as"), asks);
        levels(part.get("bs"), bids);
      }
      levels(part.get("a"), asks);
      levels(part.get("b"), bids);
      if (part.has("c")) {
        checksum = Long.parseLong(part.get("c").asText());
      }
    }
    if (!snapshot && checksum == null) {
      throw new IllegalArgumentException("book update of " + pair + " without a checksum 'c'");
    }
    return Optional.of(new KrakenBookMessage(pair, depth, snapshot, asks, bids, checksum));
  }

  private static void levels(JsonNode array, List<KrakenBook.Level> out) {
    if (array == null) {
      return;
    }
    for (JsonNode level : array) {
      if (!level.isArray() || level.size() < 3) {
        throw new IllegalArgumentException("a level is not [price, volume, timestamp]: " + level);
      }
      String price = level.get(0).asText();
      String volume = level.get(1).asText();
      if (!DECIMAL.matcher(price).matches() || !DECIMAL.matcher(volume).matches()) {
        throw new IllegalArgumentException("a level's price or volume is not a decimal: " + level);
      }
      out.add(new KrakenBook.Level(price, volume));
    }
  }
}
