package org.marketflow.ingest.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Makes broken variants of a valid venue message, deterministically from its seeded random: byte
 * damage (a flipped bit, a range deleted, inserted or duplicated, a cut, invalid UTF-8) and
 * structural damage of one JSON value, which it names by its JSON pointer so a test can tell
 * whether the value was one the parser must have.
 */
public final class MessageMutator {

  /** What was done to the message. */
  public enum Kind {
    FLIP_BYTE(Group.BYTES),
    DELETE_RANGE(Group.BYTES),
    INSERT_RANGE(Group.BYTES),
    DUPLICATE_RANGE(Group.BYTES),
    TRUNCATE(Group.BYTES),
    INVALID_UTF8(Group.BYTES),
    MINUS_ONE(Group.MAY_BE_VALID),
    HUGE_DOUBLE(Group.WRONG),
    NAN(Group.WRONG),
    HEX_FLOAT(Group.WRONG),
    HUGE_INT(Group.WRONG),
    STRING_TO_NUMBER(Group.WRONG),
    NUMBER_TO_STRING(Group.WRONG),
    DROP_FIELD(Group.MISSING),
    RENAME_FIELD(Group.MISSING),
    NEST(Group.WRONG),
    UNNEST(Group.WRONG),
    EMPTY_OBJECT(Group.WRONG),
    EMPTY_ARRAY(Group.WRONG),
    HUGE_STRING(Group.WRONG);

    final Group group;

    Kind(Group group) {
      this.group = group;
    }
  }

  /**
   * What a mutation does to the value at its path: {@code MISSING} removes it, {@code WRONG} puts a
   * value of another type, a non-finite or out-of-range number or a huge string in its place,
   * {@code MAY_BE_VALID} puts one that a field may well hold; {@code BYTES} works on bytes.
   */
  public enum Group {
    BYTES,
    MISSING,
    WRONG,
    MAY_BE_VALID
  }

  /**
   * A mutated message.
   *
   * @param path the JSON pointer of the value changed ({@code ""}: the whole message), or {@code
   *     null} for byte damage
   * @param sameTypeEmpty an object emptied to {@code {}} or an array to {@code []}: often still
   *     valid (an empty side of a book)
   */
  public record Mutant(byte[] bytes, Kind kind, String path, boolean sameTypeEmpty) {

    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return kind
          + (path == null ? "" : " at '" + path + "'")
          + ": "
          + (text.length() > 300
              ? text.substring(0, 300) + "...(" + bytes.length + " bytes)"
              : text);
    }
  }

  static final int HUGE_STRING_LENGTH = 1 << 20;

  private static final String RAW = "@@raw-token-5e1f@@";
  private static final Pattern NUMERIC_TEXT = Pattern.compile("-?[0-9][0-9.]*");
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0x80},
    {(byte) 0xC3, '('},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xE2, (byte) 0x82}
  };
  private static final byte[] JSONISH =
      "{}[]\":,0123456789.-eE tfnul\\".getBytes(StandardCharsets.UTF_8);
  private static final String HUGE_STRING = "ab1.".repeat(HUGE_STRING_LENGTH / 4);

  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private final SplittableRandom random;

  public MessageMutator(SplittableRandom random) {
    this.random = random;
  }

  /** One mutant of {@code seed}: each kind about as often, but a 1 MB string 20 times less. */
  public Mutant mutate(byte[] seed) {
    Kind[] kinds = Kind.values();
    Kind kind;
    do {
      kind = kinds[random.nextInt(kinds.length)];
    } while (kind == Kind.HUGE_STRING && random.nextInt(20) != 0); // 1 MB strings are slow
    if (kind.group == Group.BYTES) {
      return new Mutant(bytes(kind, seed), kind, null, false);
    }
    JsonNode root;
    try {
      root = mapper.readTree(seed);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "a seed is not JSON: " + new String(seed, StandardCharsets.UTF_8), e);
    }
    Mutant mutant = structural(kind, root);
    return mutant != null
        ? mutant
        : new Mutant(bytes(Kind.FLIP_BYTE, seed), Kind.FLIP_BYTE, null, false);
  }

  private byte[] bytes(Kind kind, byte[] seed) {
    int n = seed.length;
    int at = random.nextInt(n);
    return switch (kind) {
      case FLIP_BYTE -> {
        byte[] copy = seed.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        yield copy;
      }
      case DELETE_RANGE -> splice(seed, at, 1 + random.nextInt(Math.min(16, n - at)), new byte[0]);
      case INSERT_RANGE -> {
        byte[] inserted = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < inserted.length; i++) {
          inserted[i] =
              random.nextInt(8) == 0
                  ? (byte) random.nextInt(256)
                  : JSONISH[random.nextInt(JSONISH.length)];
        }
        yield splice(seed, at, 0, inserted);
      }
      case DUPLICATE_RANGE -> {
        int length = 1 + random.nextInt(Math.min(32, n - at));
        byte[] range = java.util.Arrays.copyOfRange(seed, at, at + length);
        yield splice(seed, at + length, 0, range);
      }
      case TRUNCATE -> java.util.Arrays.copyOf(seed, at);
      case INVALID_UTF8 -> {
        // inside a string when there is one: where a parser decodes it
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (seed[i] == '"') {
            quotes.add(i + 1);
          }
        }
        int where = quotes.isEmpty() ? at : quotes.get(random.nextInt(quotes.size()));
        yield splice(seed, where, 0, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
      }
      default -> throw new IllegalArgumentException(kind + " is not byte damage");
    };
  }

  private static byte[] splice(byte[] seed, int at, int remove, byte[] insert) {
    byte[] out = new byte[seed.length - remove + insert.length];
    System.arraycopy(seed, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(seed, at + remove, out, at + insert.length, seed.length - at - remove);
    return out;
  }

  /** A value of the tree, where it is. */
  private record Place(String path, JsonNode node, JsonNode parent, String field, int index) {

    boolean isRoot() {
      return parent == null;
    }

    void replace(JsonNode value) {
      if (parent instanceof ObjectNode object) {
        object.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private Mutant structural(Kind kind, JsonNode root) {
    List<Place> places = new ArrayList<>();
    collect(root, "", null, null, -1, places);
    Predicate<Place> eligible =
        switch (kind) {
          case MINUS_ONE, HUGE_DOUBLE, NAN, HEX_FLOAT, HUGE_INT ->
              p ->
                  p.node.isNumber()
                      || p.node.isTextual() && NUMERIC_TEXT.matcher(p.node.asText()).matches();
          case STRING_TO_NUMBER, HUGE_STRING -> p -> p.node.isTextual();
          case NUMBER_TO_STRING -> p -> p.node.isNumber();
          case DROP_FIELD, RENAME_FIELD -> p -> p.parent instanceof ObjectNode;
          case NEST -> p -> !p.isRoot();
          case UNNEST -> p -> p.node.isContainerNode() && p.node.size() > 0;
          default -> p -> true; // EMPTY_OBJECT, EMPTY_ARRAY
        };
    List<Place> candidates = places.stream().filter(eligible).toList();
    if (candidates.isEmpty()) {
      return null;
    }
    Place place = candidates.get(random.nextInt(candidates.size()));
    String token = null;
    JsonNode result = root;
    boolean sameTypeEmpty = false;
    switch (kind) {
      case MINUS_ONE -> token = numberToken(place.node, "-1");
      case HUGE_DOUBLE -> token = numberToken(place.node, "1e309");
      case NAN -> token = numberToken(place.node, "NaN");
      case HEX_FLOAT -> token = numberToken(place.node, "0x1p16");
      case HUGE_INT -> token = numberToken(place.node, "123456789012345678901234567890");
      case STRING_TO_NUMBER ->
          token =
              NUMERIC_TEXT.matcher(place.node.asText()).matches()
                  ? place.node.asText()
                  : Integer.toString(random.nextInt(1_000_000));
      case NUMBER_TO_STRING -> place.replace(TextNode.valueOf(place.node.asText()));
      case DROP_FIELD -> ((ObjectNode) place.parent).remove(place.field);
      case RENAME_FIELD -> {
        ObjectNode parent = (ObjectNode) place.parent;
        parent.remove(place.field);
        parent.set(renamed(place.field), place.node);
      }
      case NEST -> {
        JsonNode nested =
            random.nextBoolean()
                ? mapper.createArrayNode().add(place.node)
                : mapper.createObjectNode().set("v", place.node);
        place.replace(nested);
      }
      case UNNEST -> {
        JsonNode first = place.node.elements().next();
        if (place.isRoot()) {
          result = first;
        } else {
          place.replace(first);
        }
      }
      case EMPTY_OBJECT, EMPTY_ARRAY -> {
        JsonNode empty =
            kind == Kind.EMPTY_OBJECT ? mapper.createObjectNode() : mapper.createArrayNode();
        sameTypeEmpty = !place.isRoot() && place.node.getNodeType() == empty.getNodeType();
        if (place.isRoot()) {
          result = empty;
        } else {
          place.replace(empty);
        }
      }
      case HUGE_STRING -> place.replace(TextNode.valueOf(HUGE_STRING));
      default -> throw new IllegalArgumentException(kind + " is not structural");
    }
    if (token != null) {
      if (place.isRoot()) {
        result = TextNode.valueOf(RAW);
      } else {
        place.replace(TextNode.valueOf(RAW));
      }
    }
    String json;
    try {
      json = mapper.writeValueAsString(result);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (token != null) {
      json = json.replace("\"" + RAW + "\"", token);
    }
    return new Mutant(json.getBytes(StandardCharsets.UTF_8), kind, place.path, sameTypeEmpty);
  }

  /** {@code value} as a JSON number where the node was one, as a string where it was text. */
  private static String numberToken(JsonNode node, String value) {
    return node.isNumber() ? value : "\"" + value + "\"";
  }

  private String renamed(String field) {
    if (random.nextBoolean()) {
      return field + "_";
    }
    String upper = field.toUpperCase(Locale.ROOT);
    return upper.equals(field) ? field.toLowerCase(Locale.ROOT) + "_" : upper;
  }

  private static void collect(
      JsonNode node, String path, JsonNode parent, String field, int index, List<Place> out) {
    out.add(new Place(path, node, parent, field, index));
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        collect(node.get(name), path + "/" + name, node, name, -1, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "/" + i, node, null, i, out);
      }
    }
  }
}
