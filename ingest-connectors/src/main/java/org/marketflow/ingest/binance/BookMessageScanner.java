package org.marketflow.ingest.binance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketflow.ingest.json.PlainDecimal;
import org.marketflow.ingest.json.VenueJson;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * The fast path of {@link BinanceParser} for the book messages, {@code depthUpdate} diffs (the bulk
 * of a feed's bytes) and {@code bookTicker}s (the bulk of its messages): one pass over the
 * message's bytes, no tree, no {@code String} per decimal.
 *
 * <p>It only ever answers for a message it can prove well-formed, and then with the record the
 * strict tree parser gives for it; for anything else it answers {@code null} and the tree parser
 * decides, so every dead letter and its reason stay the tree parser's. It proves a message
 * well-formed when it is, byte for byte, this subset of strict JSON:
 *
 * <ul>
 *   <li>an object, bare or in the combined-stream envelope (members {@code stream}, a string, and
 *       {@code data}, an object, each at most once), followed by nothing but JSON whitespace;
 *   <li>a diff: members {@code e} (exactly {@code "depthUpdate"}), {@code E}, {@code T}, {@code s},
 *       {@code U}, {@code u}, {@code pu}, {@code b} and {@code a}, all but {@code T} and {@code pu}
 *       present; {@code b} and {@code a} arrays of two-element arrays of {@link PlainDecimal}
 *       strings, the price positive;
 *   <li>or a ticker: members {@code e} (exactly {@code "bookTicker"}), {@code E}, {@code T}, {@code
 *       s}, {@code u}, {@code b}, {@code B}, {@code a} and {@code A}, all but {@code e}, {@code E}
 *       and {@code T} present; {@code b}, {@code B}, {@code a} and {@code A} plain decimal strings,
 *       the prices {@code b} and {@code a} positive;
 *   <li>each member at most once, in any order, no other member; keys and strings of printable
 *       ASCII without escapes; integers of 1 to 18 digits without a sign or a leading zero; {@code
 *       E} an epoch millisecond ({@link VenueJson#MAX_EPOCH_MS}); a symbol an instrument id can
 *       hold.
 * </ul>
 *
 * Everything else (duplicate or unknown keys, escapes, non-ASCII bytes, signs, exponents, nulls,
 * numbers as strings, trailing bytes, other kinds of message) is the tree parser's to judge.
 *
 * <p>Why hand-written rather than Jackson's streaming {@code JsonParser}, which would check the
 * syntax for us: that route, with the same checks and the decimals read from the bytes by the same
 * {@link PlainDecimal} ({@code JacksonDepthReader} in the benchmarks module), stays well below the
 * target of 500,000 diffs/s on one core, as Jackson's tokenizer alone does; see docs/benchmarks.md.
 *
 * <p>Not thread-safe: it keeps the last symbol and the decimal reader between messages.
 */
final class BookMessageScanner {

  /** Returned by a step that cannot prove the message well-formed. */
  private static final int UNPROVEN = -1;

  private static final byte[] STREAM = ascii("stream");
  private static final byte[] DATA = ascii("data");
  private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
  private static final byte[] BOOK_TICKER = ascii("bookTicker");

  /** The longest symbol an instrument id holds. */
  private static final int MAX_SYMBOL = 64;

  /** Longest envelope {@code stream} name taken here; Binance's are about 30 bytes. */
  private static final int MAX_STREAM_NAME = 256;

  // The members of a book message, one bit each.
  private static final int EVENT = 1;
  private static final int EVENT_TIME = 1 << 1;
  private static final int TRADE_TIME = 1 << 2;
  private static final int SYMBOL = 1 << 3;
  private static final int FIRST_ID = 1 << 4;
  private static final int LAST_ID = 1 << 5;
  private static final int PREVIOUS_ID = 1 << 6;
  private static final int BIDS = 1 << 7;
  private static final int ASKS = 1 << 8;
  private static final int BID_SIZE = 1 << 9;
  private static final int ASK_SIZE = 1 << 10;

  private static final int DIFF_MEMBERS =
      EVENT | EVENT_TIME | TRADE_TIME | SYMBOL | FIRST_ID | LAST_ID | PREVIOUS_ID | BIDS | ASKS;
  private static final int DIFF_REQUIRED =
      EVENT | EVENT_TIME | SYMBOL | FIRST_ID | LAST_ID | BIDS | ASKS;
  private static final int TICKER_MEMBERS =
      EVENT | EVENT_TIME | TRADE_TIME | SYMBOL | LAST_ID | BIDS | BID_SIZE | ASKS | ASK_SIZE;
  private static final int TICKER_REQUIRED = SYMBOL | LAST_ID | BIDS | BID_SIZE | ASKS | ASK_SIZE;

  // The event types, as Message.event holds them.
  private static final int NO_EVENT = 0;
  private static final int DIFF = 1;
  private static final int TICKER = 2;

  private final String venue;
  private final PlainDecimal decimal = new PlainDecimal();
  private byte[] lastSymbolBytes = new byte[0];
  private String lastSymbol;
  private int lastBidCount;
  private int lastAskCount;

  /**
   * What one message held so far. A new one per message: the levels and the other objects read are
   * then stored into a young object, which the garbage collector's write barrier passes cheaply,
   * where stores into the long-lived scanner would each cost a card mark.
   */
  private static final class Message {
    int event = NO_EVENT;
    int seen;

    /** Which of {@code b} and {@code a} were arrays of levels rather than prices. */
    int levelArrays;

    String symbol;
    long eventTimeMs;
    long firstId;
    long lastId;
    Long previousId;
    List<BookLevel> bids;
    List<BookLevel> asks;
    double bidPrice;
    double bidSize;
    double askPrice;
    double askSize;

    // Set by the step that read it.
    long integer;
    List<BookLevel> levels;

    /** The message read, or {@code null} when its members are not those of a diff or a ticker. */
    BinanceMessage result() {
      if (event == DIFF) {
        return (seen & ~DIFF_MEMBERS) == 0
                && (seen & DIFF_REQUIRED) == DIFF_REQUIRED
                && levelArrays == (BIDS | ASKS)
            ? new BinanceMessage.DepthDiff(
                symbol, firstId, lastId, previousId, eventTimeMs, bids, asks)
            : null;
      }
      // A ticker: event type bookTicker, or none, as the tree parser takes one with u, b and a.
      return (seen & ~TICKER_MEMBERS) == 0
              && (seen & TICKER_REQUIRED) == TICKER_REQUIRED
              && levelArrays == 0
          ? new BinanceMessage.BookTicker(
              symbol,
              lastId,
              bidPrice,
              bidSize,
              askPrice,
              askSize,
              (seen & EVENT_TIME) != 0 ? eventTimeMs : null)
          : null;
    }
  }

  /**
   * @param venue the venue part of instrument ids, upper case, as {@link BinanceParser} holds it
   */
  BookMessageScanner(String venue) {
    this.venue = venue;
  }

  /**
   * The diff or ticker {@code json} is, or {@code null} when it is not one this path can prove
   * well-formed.
   */
  BinanceMessage scan(byte[] json) {
    int at = space(json, 0);
    if (at >= json.length || json[at] != '{') {
      return null;
    }
    at = space(json, at + 1);
    Message message = new Message();
    int firstKeyEnd = plainString(json, at, MAX_STREAM_NAME);
    if (isKey(json, at, firstKeyEnd, STREAM) || isKey(json, at, firstKeyEnd, DATA)) {
      at = envelope(json, at, message);
    } else {
      at = members(json, at, message);
    }
    if (at == UNPROVEN || space(json, at) != json.length) {
      return null;
    }
    return message.result();
  }

  /** The envelope's members from {@code at}, after its opening brace, to after its closing one. */
  private int envelope(byte[] json, int at, Message message) {
    boolean stream = false;
    boolean data = false;
    while (true) {
      int keyEnd = plainString(json, at, MAX_STREAM_NAME);
      if (keyEnd == UNPROVEN) {
        return UNPROVEN;
      }
      int value = colon(json, keyEnd);
      if (value == UNPROVEN) {
        return UNPROVEN;
      }
      if (!stream && isKey(json, at, keyEnd, STREAM)) {
        stream = true;
        at = plainString(json, value, MAX_STREAM_NAME);
      } else if (!data && isKey(json, at, keyEnd, DATA) && byteAt(json, value) == '{') {
        data = true;
        at = members(json, space(json, value + 1), message);
      } else {
        return UNPROVEN;
      }
      if (at == UNPROVEN) {
        return UNPROVEN;
      }
      at = space(json, at);
      if (byteAt(json, at) == '}') {
        return data ? at + 1 : UNPROVEN;
      }
      if (byteAt(json, at) != ',') {
        return UNPROVEN;
      }
      at = space(json, at + 1);
    }
  }

  /**
   * The book message's members from {@code at}, after its opening brace, to after its closing one.
   */
  private int members(byte[] json, int at, Message message) {
    while (true) {
      int keyEnd = plainString(json, at, 2);
      if (keyEnd == UNPROVEN) {
        return UNPROVEN;
      }
      int member = member(json, at + 1, keyEnd - 1);
      if (member == 0 || (message.seen & member) != 0) {
        return UNPROVEN; // another member, or one twice: the tree parser decides
      }
      message.seen |= member;
      at = colon(json, keyEnd);
      if (at == UNPROVEN) {
        return UNPROVEN;
      }
      at = value(json, at, member, message);
      if (at == UNPROVEN) {
        return UNPROVEN;
      }
      at = space(json, at);
      if (byteAt(json, at) == '}') {
        return at + 1;
      }
      if (byteAt(json, at) != ',') {
        return UNPROVEN;
      }
      at = space(json, at + 1);
    }
  }

  /** Reads the value of {@code member} at {@code at}; the index after it. */
  private int value(byte[] json, int at, int member, Message message) {
    switch (member) {
      case EVENT -> {
        int end = plainString(json, at, DEPTH_UPDATE.length);
        message.event =
            isKey(json, at, end, DEPTH_UPDATE)
                ? DIFF
                : isKey(json, at, end, BOOK_TICKER) ? TICKER : NO_EVENT;
        return message.event == NO_EVENT ? UNPROVEN : end;
      }
      case SYMBOL -> {
        int end = plainString(json, at, MAX_SYMBOL);
        message.symbol = end == UNPROVEN ? null : symbol(json, at + 1, end - 1);
        return message.symbol == null ? UNPROVEN : end;
      }
      case BIDS, ASKS -> {
        return side(json, at, member, message);
      }
      case BID_SIZE -> {
        at = decimal.read(json, at);
        message.bidSize = decimal.value();
        return at;
      }
      case ASK_SIZE -> {
        at = decimal.read(json, at);
        message.askSize = decimal.value();
        return at;
      }
      default -> {
        int end = integer(json, at, message);
        if (end == UNPROVEN) {
          return UNPROVEN;
        }
        long integer = message.integer;
        switch (member) {
          case EVENT_TIME -> {
            if (integer <= 0 || integer > VenueJson.MAX_EPOCH_MS) {
              return UNPROVEN;
            }
            message.eventTimeMs = integer;
          }
          case FIRST_ID -> message.firstId = integer;
          case LAST_ID -> message.lastId = integer;
          case PREVIOUS_ID -> message.previousId = integer;
          default -> {} // T: not part of either record
        }
        return end;
      }
    }
  }

  /** {@code b} or {@code a}: a ticker's price, or a diff's levels. The index after it. */
  private int side(byte[] json, int at, int member, Message message) {
    boolean bids = member == BIDS;
    if (byteAt(json, at) != '[') {
      at = decimal.read(json, at);
      double price = decimal.value();
      if (bids) {
        message.bidPrice = price;
      } else {
        message.askPrice = price;
      }
      return price > 0 ? at : UNPROVEN;
    }
    int end = levels(json, at, message, bids ? lastBidCount : lastAskCount);
    if (end == UNPROVEN) {
      return UNPROVEN;
    }
    message.levelArrays |= member;
    if (bids) {
      message.bids = message.levels;
      lastBidCount = message.levels.size();
    } else {
      message.asks = message.levels;
      lastAskCount = message.levels.size();
    }
    return end;
  }

  /** The member a key's text {@code json[from, to)} names, or 0 for any other. */
  private static int member(byte[] json, int from, int to) {
    if (to - from == 1) {
      return switch (json[from]) {
        case 'e' -> EVENT;
        case 'E' -> EVENT_TIME;
        case 'T' -> TRADE_TIME;
        case 's' -> SYMBOL;
        case 'U' -> FIRST_ID;
        case 'u' -> LAST_ID;
        case 'b' -> BIDS;
        case 'a' -> ASKS;
        case 'B' -> BID_SIZE;
        case 'A' -> ASK_SIZE;
        default -> 0;
      };
    }
    return to - from == 2 && json[from] == 'p' && json[from + 1] == 'u' ? PREVIOUS_ID : 0;
  }

  /**
   * {@code [["price","size"],...]} at {@code at} into {@link Message#levels}: plain decimals,
   * positive prices, as {@link VenueJson#levels} reads them.
   *
   * @param expected how many there may be (the last diff's): the list has room for them, so it
   *     seldom grows
   */
  private int levels(byte[] json, int at, Message message, int expected) {
    List<BookLevel> levels = new ArrayList<>(Math.max(expected, 10));
    message.levels = levels;
    at = space(json, at + 1);
    if (byteAt(json, at) == ']') {
      return at + 1;
    }
    while (true) {
      if (byteAt(json, at) != '[') {
        return UNPROVEN;
      }
      at = decimal.read(json, space(json, at + 1));
      double price = decimal.value();
      if (at == UNPROVEN || !(price > 0)) {
        return UNPROVEN;
      }
      at = space(json, at);
      if (byteAt(json, at) != ',') {
        return UNPROVEN;
      }
      at = decimal.read(json, space(json, at + 1));
      if (at == UNPROVEN) {
        return UNPROVEN;
      }
      BookLevel level = new BookLevel(); // not (Double, Double, Integer): no boxing
      level.setPrice(price);
      level.setSize(decimal.value());
      levels.add(level);
      at = space(json, at);
      if (byteAt(json, at) != ']') {
        return UNPROVEN;
      }
      at = space(json, at + 1);
      if (byteAt(json, at) == ']') {
        return at + 1;
      }
      if (byteAt(json, at) != ',') {
        return UNPROVEN;
      }
      at = space(json, at + 1);
    }
  }

  /**
   * A JSON integer of 1 to 18 digits, no sign, no leading zero, at {@code at} into {@link
   * Message#integer}. A fraction or an exponent after it is not a delimiter, so the caller refuses
   * it.
   */
  private static int integer(byte[] json, int at, Message message) {
    int digit = byteAt(json, at) - '0';
    if (digit < 0 || digit > 9) {
      return UNPROVEN;
    }
    long value = digit;
    int end = at + 1;
    if (digit != 0) {
      int limit = Math.min(json.length, at + 18);
      while (end < limit && (digit = json[end] - '0') >= 0 && digit <= 9) {
        value = value * 10 + digit;
        end++;
      }
    }
    int next = byteAt(json, end);
    if (next >= '0' && next <= '9') {
      return UNPROVEN; // a leading zero, or more digits than a long surely holds
    }
    message.integer = value;
    return end;
  }

  /** The symbol whose text is {@code json[from, to)}, or {@code null} if no instrument holds it. */
  private String symbol(byte[] json, int from, int to) {
    if (Arrays.equals(json, from, to, lastSymbolBytes, 0, lastSymbolBytes.length)) {
      return lastSymbol;
    }
    String text = new String(json, from, to - from, StandardCharsets.US_ASCII);
    try {
      InstrumentId.of(venue, text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    lastSymbolBytes = Arrays.copyOfRange(json, from, to);
    lastSymbol = text;
    return text;
  }

  /**
   * A string of printable ASCII without escapes, of at most {@code maxLength} bytes, whose opening
   * quote is at {@code at}: the index after its closing quote.
   */
  private static int plainString(byte[] json, int at, int maxLength) {
    if (byteAt(json, at) != '"') {
      return UNPROVEN;
    }
    int limit = (int) Math.min(json.length, at + 1L + maxLength + 1L);
    for (int i = at + 1; i < limit; i++) {
      byte b = json[i];
      if (b == '"') {
        return i + 1;
      }
      if (b < 0x20 || b == '\\') { // control bytes, escapes, and (negative) non-ASCII bytes
        return UNPROVEN;
      }
    }
    return UNPROVEN;
  }

  /** After a key ending before {@code at}: blanks, a colon, blanks; the index of the value. */
  private static int colon(byte[] json, int at) {
    at = space(json, at);
    return byteAt(json, at) == ':' ? space(json, at + 1) : UNPROVEN;
  }

  /**
   * Whether the string {@code json[from, to)}, quotes included, is {@code key} ({@code false} when
   * {@code to} is {@link #UNPROVEN}).
   */
  private static boolean isKey(byte[] json, int from, int to, byte[] key) {
    return to != UNPROVEN && Arrays.equals(json, from + 1, to - 1, key, 0, key.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The index of the first byte from {@code at} that is not JSON whitespace. */
  private static int space(byte[] json, int at) {
    if (at < json.length && json[at] > ' ') {
      return at; // the usual case: Binance sends no blanks
    }
    while (at < json.length) {
      byte b = json[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return at;
      }
      at++;
    }
    return at;
  }

  /** The byte at {@code at}, or 0 (which no step expects) past the end. */
  private static int byteAt(byte[] json, int at) {
    return at >= 0 && at < json.length ? json[at] : 0;
  }
}
