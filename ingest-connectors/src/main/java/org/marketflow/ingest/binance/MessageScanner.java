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
 * The fast path of {@link BinanceParser} for the messages that make up a feed: {@code depthUpdate}
 * diffs (the bulk of its bytes), {@code bookTicker}s, {@code trade}s and {@code aggTrade}s (the
 * bulk of its messages): one pass over the message's bytes, no tree, no {@code String} per decimal.
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
 *   <li>or a trade: members {@code e} (exactly {@code "trade"}), {@code E}, {@code s}, {@code t},
 *       {@code p}, {@code q}, {@code T}, {@code m}, {@code M} and {@code X}, all but {@code E},
 *       {@code M} and {@code X} present; or an aggregated trade: {@code e} (exactly {@code
 *       "aggTrade"}), {@code E}, {@code s}, {@code a}, {@code p}, {@code q}, {@code f}, {@code l},
 *       {@code T}, {@code m}, {@code M} and {@code X}, all but {@code E}, {@code f}, {@code l},
 *       {@code M} and {@code X} present; {@code p} and {@code q} positive plain decimals, {@code m}
 *       and {@code M} {@code true} or {@code false}, {@code X} exactly {@code "MARKET"}, {@code T}
 *       an epoch millisecond within {@link BinanceParser#MAX_CLOCK_SKEW_MS} of the receive time
 *       when that is known, and the symbol the stream's when the envelope names one;
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
final class MessageScanner {

  /** Returned by a step that cannot prove the message well-formed. */
  private static final int UNPROVEN = -1;

  private static final byte[] STREAM = ascii("stream");
  private static final byte[] DATA = ascii("data");
  private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
  private static final byte[] BOOK_TICKER = ascii("bookTicker");
  private static final byte[] TRADE = ascii("trade");
  private static final byte[] AGG_TRADE = ascii("aggTrade");
  private static final byte[] MARKET = ascii("MARKET");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /** The longest symbol an instrument id holds. */
  private static final int MAX_SYMBOL = 64;

  /** Longest envelope {@code stream} name taken here; Binance's are about 30 bytes. */
  private static final int MAX_STREAM_NAME = 256;

  // The members of a message, one bit each.
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
  private static final int TRADE_ID = 1 << 11;
  private static final int PRICE = 1 << 12;
  private static final int QUANTITY = 1 << 13;
  private static final int BUYER_IS_MAKER = 1 << 14;
  private static final int BEST_MATCH = 1 << 15;
  private static final int EXECUTION = 1 << 16;
  private static final int FIRST_TRADE_ID = 1 << 17;
  private static final int LAST_TRADE_ID = 1 << 18;

  private static final int[] ONE_LETTER_MEMBERS = oneLetterMembers();

  private static final int DIFF_MEMBERS =
      EVENT | EVENT_TIME | TRADE_TIME | SYMBOL | FIRST_ID | LAST_ID | PREVIOUS_ID | BIDS | ASKS;
  private static final int DIFF_REQUIRED =
      EVENT | EVENT_TIME | SYMBOL | FIRST_ID | LAST_ID | BIDS | ASKS;
  private static final int TICKER_MEMBERS =
      EVENT | EVENT_TIME | TRADE_TIME | SYMBOL | LAST_ID | BIDS | BID_SIZE | ASKS | ASK_SIZE;
  private static final int TICKER_REQUIRED = SYMBOL | LAST_ID | BIDS | BID_SIZE | ASKS | ASK_SIZE;
  private static final int TRADE_REQUIRED =
      EVENT | SYMBOL | PRICE | QUANTITY | TRADE_TIME | BUYER_IS_MAKER;
  private static final int TRADE_MEMBERS =
      TRADE_REQUIRED | TRADE_ID | EVENT_TIME | BEST_MATCH | EXECUTION;
  private static final int AGG_TRADE_MEMBERS =
      TRADE_REQUIRED | ASKS | EVENT_TIME | BEST_MATCH | EXECUTION | FIRST_TRADE_ID | LAST_TRADE_ID;

  // The event types, as Message.event holds them.
  private static final int NO_EVENT = 0;
  private static final int DIFF = 1;
  private static final int TICKER = 2;
  private static final int TRADE_EVENT = 3;
  private static final int AGG_TRADE_EVENT = 4;

  private final String venue;
  private final PlainDecimal decimal = new PlainDecimal();
  private byte[] lastSymbolBytes = new byte[0];
  private String lastSymbol;
  private String lastInstrument;
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

    /** Whether {@code a} was an integer: an aggregated trade's id. */
    boolean aggregateId;

    /** Where the envelope's stream name is, without its quotes; -1 when there is none. */
    int streamFrom = -1;

    int streamTo = -1;

    String symbol;
    String instrument;
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
    long tradeId;
    long tradeTimeMs;
    double price;
    double quantity;
    boolean buyerIsMaker;

    // Set by the step that read it.
    long integer;
    List<BookLevel> levels;

    boolean has(int members) {
      return (seen & members) == members;
    }

    boolean hasOnly(int members) {
      return (seen & ~members) == 0;
    }
  }

  /**
   * @param venue the venue part of instrument ids, upper case, as {@link BinanceParser} holds it
   */
  MessageScanner(String venue) {
    this.venue = venue;
  }

  /**
   * The diff, ticker or trade {@code json} is, or {@code null} when it is not one this path can
   * prove well-formed.
   *
   * @param receiveTimeUs when it was received, epoch microseconds, or 0 when that is not known
   */
  BinanceMessage scan(byte[] json, long receiveTimeUs) {
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
    return switch (message.event) {
      case DIFF -> diff(message);
      case TRADE_EVENT, AGG_TRADE_EVENT -> trade(json, message, receiveTimeUs);
      default -> ticker(message); // bookTicker, or none: the tree parser's ticker if u, b and a
    };
  }

  private static BinanceMessage diff(Message message) {
    return message.hasOnly(DIFF_MEMBERS)
            && message.has(DIFF_REQUIRED)
            && message.levelArrays == (BIDS | ASKS)
        ? new BinanceMessage.DepthDiff(
            message.symbol,
            message.firstId,
            message.lastId,
            message.previousId,
            message.eventTimeMs,
            message.bids,
            message.asks)
        : null;
  }

  private static BinanceMessage ticker(Message message) {
    return message.hasOnly(TICKER_MEMBERS)
            && message.has(TICKER_REQUIRED)
            && message.levelArrays == 0
            && !message.aggregateId
        ? new BinanceMessage.BookTicker(
            message.symbol,
            message.lastId,
            message.bidPrice,
            message.bidSize,
            message.askPrice,
            message.askSize,
            message.has(EVENT_TIME) ? message.eventTimeMs : null)
        : null;
  }

  private static BinanceMessage trade(byte[] json, Message message, long receiveTimeUs) {
    boolean aggregated = message.event == AGG_TRADE_EVENT;
    boolean members =
        aggregated
            ? message.hasOnly(AGG_TRADE_MEMBERS) && message.has(ASKS) && message.aggregateId
            : message.hasOnly(TRADE_MEMBERS) && message.has(TRADE_ID);
    if (!members
        || !message.has(TRADE_REQUIRED)
        || message.tradeTimeMs <= 0
        || message.tradeTimeMs > VenueJson.MAX_EPOCH_MS
        || !BinanceParser.isBelievable(message.tradeTimeMs, receiveTimeUs)
        || (message.streamFrom >= 0
            && !isStreamOf(json, message.streamFrom, message.streamTo, message.symbol))) {
      return null;
    }
    return new BinanceMessage.TradeMessage(
        BinanceParser.trade(
            message.instrument,
            aggregated,
            message.tradeId,
            message.tradeTimeMs,
            receiveTimeUs,
            message.price,
            message.quantity,
            message.buyerIsMaker),
        aggregated);
  }

  /**
   * {@link BinanceParser#isStreamOf} on the stream name's bytes {@code json[from, to)}, printable
   * ASCII, where upper-casing is that of the letters a to z.
   */
  private static boolean isStreamOf(byte[] json, int from, int to, String symbol) {
    int length = symbol.length();
    if (to - from <= length || json[from + length] != '@') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      int b = json[from + i];
      if ((b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b) != symbol.charAt(i)) {
        return false;
      }
    }
    return true;
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
        message.streamFrom = value + 1;
        message.streamTo = at - 1;
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
    return switch (member) {
      case EVENT -> event(json, at, message);
      case SYMBOL -> {
        int end = plainString(json, at, MAX_SYMBOL);
        message.symbol = end == UNPROVEN ? null : symbol(json, at + 1, end - 1);
        message.instrument = lastInstrument;
        yield message.symbol == null ? UNPROVEN : end;
      }
      case BIDS, ASKS -> side(json, at, member, message);
      case BID_SIZE, ASK_SIZE, PRICE, QUANTITY -> decimalMember(json, at, member, message);
      case BUYER_IS_MAKER, BEST_MATCH -> bool(json, at, member, message);
      case EXECUTION -> {
        int end = plainString(json, at, MARKET.length);
        yield isKey(json, at, end, MARKET) ? end : UNPROVEN; // other kinds are ignored trades
      }
      default -> integerMember(json, at, member, message);
    };
  }

  /** The event type {@code e}: one this path reads, or unproven. */
  private static int event(byte[] json, int at, Message message) {
    int end = plainString(json, at, DEPTH_UPDATE.length);
    message.event =
        isKey(json, at, end, DEPTH_UPDATE)
            ? DIFF
            : isKey(json, at, end, BOOK_TICKER)
                ? TICKER
                : isKey(json, at, end, TRADE)
                    ? TRADE_EVENT
                    : isKey(json, at, end, AGG_TRADE) ? AGG_TRADE_EVENT : NO_EVENT;
    return message.event == NO_EVENT ? UNPROVEN : end;
  }

  /** A ticker's sizes {@code B} and {@code A}, a trade's {@code p} and {@code q} (positive). */
  private int decimalMember(byte[] json, int at, int member, Message message) {
    int end = decimal.read(json, at);
    double value = decimal.value();
    switch (member) {
      case BID_SIZE -> message.bidSize = value;
      case ASK_SIZE -> message.askSize = value;
      case PRICE -> message.price = value;
      default -> message.quantity = value;
    }
    return member == PRICE || member == QUANTITY ? (value > 0 ? end : UNPROVEN) : end;
  }

  /** A trade's {@code m} or {@code M}: {@code true} or {@code false}. */
  private static int bool(byte[] json, int at, int member, Message message) {
    boolean value = byteAt(json, at) == 't';
    byte[] literal = value ? TRUE : FALSE;
    int end = at + literal.length;
    if (end > json.length || !Arrays.equals(json, at, end, literal, 0, literal.length)) {
      return UNPROVEN;
    }
    if (member == BUYER_IS_MAKER) {
      message.buyerIsMaker = value;
    }
    return end;
  }

  /** One of the integer members. */
  private static int integerMember(byte[] json, int at, int member, Message message) {
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
      case TRADE_ID -> message.tradeId = integer;
      case TRADE_TIME -> message.tradeTimeMs = integer; // a trade's time; books ignore it
      default -> {} // f and l: not part of the trade
    }
    return end;
  }

  /**
   * {@code b} or {@code a}: a ticker's price, a diff's levels, or (for {@code a}) an aggregated
   * trade's id. The index after it.
   */
  private int side(byte[] json, int at, int member, Message message) {
    boolean bids = member == BIDS;
    int first = byteAt(json, at);
    if (first >= '0' && first <= '9' && !bids) {
      message.aggregateId = true;
      at = integer(json, at, message);
      message.tradeId = message.integer;
      return at;
    }
    if (first != '[') {
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
      int key = json[from];
      return key >= 0 ? ONE_LETTER_MEMBERS[key] : 0;
    }
    return to - from == 2 && json[from] == 'p' && json[from + 1] == 'u' ? PREVIOUS_ID : 0;
  }

  /** The members named by one ASCII letter, by that letter; 0 for the others. */
  private static int[] oneLetterMembers() {
    int[] members = new int[128];
    members['e'] = EVENT;
    members['E'] = EVENT_TIME;
    members['T'] = TRADE_TIME;
    members['s'] = SYMBOL;
    members['U'] = FIRST_ID;
    members['u'] = LAST_ID;
    members['b'] = BIDS;
    members['a'] = ASKS;
    members['B'] = BID_SIZE;
    members['A'] = ASK_SIZE;
    members['t'] = TRADE_ID;
    members['p'] = PRICE;
    members['q'] = QUANTITY;
    members['m'] = BUYER_IS_MAKER;
    members['M'] = BEST_MATCH;
    members['X'] = EXECUTION;
    members['f'] = FIRST_TRADE_ID;
    members['l'] = LAST_TRADE_ID;
    return members;
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

  /**
   * The symbol whose text is {@code json[from, to)}, or {@code null} if no instrument holds it; its
   * instrument id is then {@link #lastInstrument}.
   */
  private String symbol(byte[] json, int from, int to) {
    if (Arrays.equals(json, from, to, lastSymbolBytes, 0, lastSymbolBytes.length)) {
      return lastSymbol;
    }
    String text = new String(json, from, to - from, StandardCharsets.US_ASCII);
    String instrument;
    try {
      instrument = InstrumentId.of(venue, text).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
    lastSymbolBytes = Arrays.copyOfRange(json, from, to);
    lastSymbol = text;
    lastInstrument = instrument;
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
