package org.marketflow.benchmarks.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.binance.BinanceMessage;
import org.marketflow.ingest.json.PlainDecimal;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The library route to a fast {@code depthUpdate} parser, measured beside the byte scanner that
 * {@code BinanceParser} uses: Jackson's streaming {@link JsonParser} checks the JSON (strict, as
 * the tree parser's {@code readTree}), and each decimal is read from the message's bytes at its
 * token's offset by the same {@link PlainDecimal}, so no {@code String} is made per decimal. Same
 * contract as the scanner: a diff only for a message it can prove well-formed and then equal to the
 * tree parser's, {@code null} for anything else (non-ASCII bytes, a key twice, a decimal with an
 * escape, JSON errors, other kinds of message), which the tree parser would judge. Members it does
 * not know are skipped, as the tree parser ignores them.
 *
 * <p>Not thread-safe: it keeps the last symbol and the decimal reader between messages.
 */
public final class JacksonDepthReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final String venue;
  private final PlainDecimal decimal = new PlainDecimal();
  private String lastSymbol;

  /**
   * @param venue the venue part of instrument ids, e.g. {@code BINANCE}
   */
  public JacksonDepthReader(String venue) {
    this.venue = venue;
  }

  /** The diff {@code json} is, or {@code null} when it cannot prove it well-formed. */
  public BinanceMessage.DepthDiff read(byte[] json) {
    for (byte b : json) {
      if (b < 0) {
        return null; // Jackson lets some invalid UTF-8 through; the tree parser checks it
      }
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String name = parser.nextFieldName();
      BinanceMessage.DepthDiff diff;
      if ("stream".equals(name) || "data".equals(name)) {
        diff = envelope(parser, json, name);
      } else {
        diff = diff(parser, json, name);
      }
      return diff != null && parser.nextToken() == null ? diff : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private BinanceMessage.DepthDiff envelope(JsonParser parser, byte[] json, String first)
      throws IOException {
    BinanceMessage.DepthDiff diff = null;
    boolean stream = false;
    for (String name = first; name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (name.equals("stream") && !stream && value == JsonToken.VALUE_STRING) {
        stream = true;
      } else if (name.equals("data") && diff == null && value == JsonToken.START_OBJECT) {
        diff = diff(parser, json, parser.nextFieldName());
        if (diff == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    return diff;
  }

  /** The diff object's members from the first, {@code first}, to its end. */
  private BinanceMessage.DepthDiff diff(JsonParser parser, byte[] json, String first)
      throws IOException {
    String symbol = null;
    String event = null;
    long eventTimeMs = 0;
    Long firstId = null;
    Long lastId = null;
    Long previousId = null;
    List<BookLevel> bids = null;
    List<BookLevel> asks = null;
    boolean tradeTime = false;
    for (String name = first; name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "e" -> {
          if (event != null || value != JsonToken.VALUE_STRING) {
            return null;
          }
          event = parser.getText();
        }
        case "s" -> {
          if (symbol != null || value != JsonToken.VALUE_STRING) {
            return null;
          }
          symbol = symbol(parser.getText());
        }
        case "E" -> {
          if (eventTimeMs != 0 || (eventTimeMs = integer(parser, value)) <= 0) {
            return null;
          }
          if (eventTimeMs > VenueJson.MAX_EPOCH_MS) {
            return null;
          }
        }
        case "T" -> {
          if (tradeTime) {
            return null;
          }
          tradeTime = true;
          parser.skipChildren();
        }
        case "U" -> {
          if (firstId != null) {
            return null;
          }
          firstId = integer(parser, value);
        }
        case "u" -> {
          if (lastId != null) {
            return null;
          }
          lastId = integer(parser, value);
        }
        case "pu" -> {
          if (previousId != null) {
            return null;
          }
          previousId = integer(parser, value);
        }
        case "b" -> {
          if (bids != null || (bids = levels(parser, json, value)) == null) {
            return null;
          }
        }
        case "a" -> {
          if (asks != null || (asks = levels(parser, json, value)) == null) {
            return null;
          }
        }
        case "lastUpdateId", "data" -> {
          return null; // another kind of message, or an envelope where a diff should be
        }
        default -> parser.skipChildren();
      }
    }
    if (!"depthUpdate".equals(event)
        || symbol == null
        || eventTimeMs == 0
        || firstId == null
        || lastId == null
        || bids == null
        || asks == null) {
      return null;
    }
    return new BinanceMessage.DepthDiff(
        symbol, firstId, lastId, previousId, eventTimeMs, bids, asks);
  }

  /** An integer that a {@code long} holds; anything else throws, which makes it unproven. */
  private static long integer(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new IllegalArgumentException("not an integer");
    }
    return parser.getLongValue();
  }

  private List<BookLevel> levels(JsonParser parser, byte[] json, JsonToken value)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return null;
    }
    List<BookLevel> levels = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_ARRAY) {
        return null;
      }
      double price = decimal(parser, json);
      double size = decimal(parser, json);
      if (!(price > 0) || !(size >= 0) || parser.nextToken() != JsonToken.END_ARRAY) {
        return null;
      }
      levels.add(new BookLevel(price, size, null));
    }
    return levels;
  }

  /** The next token, a plain decimal string; -1 when it is not one. */
  private double decimal(JsonParser parser, byte[] json) throws IOException {
    if (parser.nextToken() != JsonToken.VALUE_STRING) {
      return -1;
    }
    int quote = (int) parser.currentTokenLocation().getByteOffset();
    return decimal.read(json, quote) < 0 ? -1 : decimal.value();
  }

  private String symbol(String text) {
    if (!text.equals(lastSymbol)) {
      InstrumentId.of(venue, text); // throws for a symbol no instrument holds
      lastSymbol = text;
    }
    return lastSymbol;
  }
}
