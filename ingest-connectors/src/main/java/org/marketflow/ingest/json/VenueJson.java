package org.marketflow.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.marketflow.schemas.avro.BookLevel;

/**
 * Strict reading of venue JSON: each accessor throws {@link IllegalArgumentException} naming the
 * field when it is missing or of the wrong kind, so a parser turns any bad message into one dead
 * letter with a reason. Decimals are the venues' plain {@code 123.45} strings: Java would also
 * parse {@code 0x1p16}, {@code 61837.63d}, blanks, signs and exponents, which a flipped byte can
 * produce and which no venue sends.
 */
public final class VenueJson {

  /** Digits, optionally a point and digits. */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

  /** 9999-12-31T23:59:59.999Z: the latest time an epoch-millisecond field may hold. */
  public static final long MAX_EPOCH_MS = 253_402_300_799_999L;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private VenueJson() {}

  /**
   * Reads a message; the exception's message says why it is not JSON. JSON is one value in UTF-8:
   * bytes after the value, and bytes that are not UTF-8 (Jackson lets some through, an overlong
   * {@code C0 AF} becoming {@code /}), make it not JSON.
   */
  public static JsonNode read(byte[] json) {
    requireUtf8(json);
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null) {
        throw new IllegalArgumentException("empty message");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable message: " + e.getMessage());
    }
  }

  private static void requireUtf8(byte[] json) {
    for (byte b : json) {
      if (b < 0) { // not ASCII: decode the whole message strictly, once
        try {
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
          throw new IllegalArgumentException("invalid JSON: not UTF-8 (" + e.getMessage() + ")");
        }
        return;
      }
    }
  }

  public static JsonNode field(JsonNode data, String name) {
    JsonNode node = data.get(name);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return node;
  }

  public static String text(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' is not a string");
    }
    return node.asText();
  }

  /** The text of {@code name}, or {@code null} when absent or not text. */
  public static String textOrNull(JsonNode data, String name) {
    JsonNode node = data.get(name);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  public static long integer(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + name + "' is not an integer");
    }
    return node.asLong();
  }

  /** The integer {@code name}, or {@code null} when absent. */
  public static Long integerOrNull(JsonNode data, String name) {
    JsonNode node = data.get(name);
    return node == null || node.isNull() ? null : integer(data, name);
  }

  public static boolean bool(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("field '" + name + "' is not a boolean");
    }
    return node.asBoolean();
  }

  /** An epoch millisecond {@code name}: positive and before the year 10000. */
  public static long epochMs(JsonNode data, String name) {
    long timeMs = integer(data, name);
    if (timeMs <= 0 || timeMs > MAX_EPOCH_MS) {
      throw new IllegalArgumentException(
          "field '" + name + "' is not an epoch millisecond: " + timeMs);
    }
    return timeMs;
  }

  public static double positiveDecimal(JsonNode data, String name) {
    return positive(name, decimal(name, field(data, name)));
  }

  public static double nonNegativeDecimal(JsonNode data, String name) {
    return decimal(name, field(data, name));
  }

  /** A decimal string (zero or more, finite) of field {@code name}. */
  public static double decimal(String name, JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("field '" + name + "' is not a decimal string");
    }
    return decimal(name, node.asText());
  }

  /** A decimal string (zero or more, finite), named {@code name} in the error. */
  public static double decimal(String name, String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException("field '" + name + "' is not a decimal: '" + text + "'");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("field '" + name + "' is out of range: '" + text + "'");
    }
    return value;
  }

  /** A JSON number (not a string) of field {@code name}: finite. */
  public static double number(JsonNode data, String name) {
    JsonNode node = field(data, name);
    if (!node.isNumber()) {
      throw new IllegalArgumentException("field '" + name + "' is not a number");
    }
    double value = node.asDouble();
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("field '" + name + "' is not finite: " + node);
    }
    return value;
  }

  public static double positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("field '" + name + "' is not positive: '" + value + "'");
    }
    return value;
  }

  /**
   * {@code [["price", "size"], ...]}: positive prices, sizes of zero or more (zero removes a
   * level).
   */
  public static List<BookLevel> levels(JsonNode data, String name) {
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
}
