package org.marketflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.ingest.fuzz.MessageMutator;
import org.marketflow.ingest.recording.Recording;
import org.marketflow.ingest.recording.Recordings;
import org.marketflow.testing.data.SharedData;

/**
 * {@link BinanceParser#parse}, whose messages go through the {@link MessageScanner} first, against
 * {@link BinanceParser#parseTree}, the strict tree parser alone: for every message of the real
 * Binance recordings, for mutants of them made as {@code FeedFuzzTest} makes its, and for edits at
 * the edges of what the scanner takes, both give the same record or the same dead-letter reason.
 * Every diff, ticker and trade of the recordings is read by the scanner, not the tree.
 */
class BinanceFastPathParityTest {

  /** Mutants of each depth diff; tickers and trades get one, other messages one now and then. */
  static final int MUTANTS_PER_DIFF = 3;

  static final int OTHER_MESSAGES_PER_MUTANT = 8;

  static final long SEED = 20_240_808L;

  /** A message as read from a recording, with the parser of its venue. */
  record Message(BinanceParser parser, MessageScanner scanner, RawMessage raw) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "binance-hftbacktest/spot_btcusdt_20240808.gz",
        "binance-hftbacktest/spot_ethusdt_20240808.gz",
        "binance-hftbacktest/usdm_btcusdt_20240808.gz",
        "cryptofeed/BINANCE.ws.1.0",
        "cryptofeed/BINANCE_FUTURES.ws.1.0"
      })
  void everyRecordedMessageAndItsMutantsParseAsTheTreeParsesThem(String recording)
      throws IOException {
    List<Message> messages = read(recording);
    List<String> differences = new ArrayList<>();
    int diffs = 0;
    int tickers = 0;
    int trades = 0;
    int scanned = 0;
    for (Message message : messages) {
      BinanceMessage tree = compare(message, message.raw().bytes(), differences);
      diffs += tree instanceof BinanceMessage.DepthDiff ? 1 : 0;
      tickers += tree instanceof BinanceMessage.BookTicker ? 1 : 0;
      trades += tree instanceof BinanceMessage.TradeMessage ? 1 : 0;
      if (message.scanner().scan(message.raw().bytes(), message.raw().receiveTimeUs()) != null) {
        scanned++;
      }
    }
    assertThat(differences).as("recorded messages the two parse differently").isEmpty();
    assertThat(diffs).isPositive();
    assertThat(tickers).isPositive();
    assertThat(trades).isPositive();
    assertThat(scanned)
        .as("recorded diffs, tickers and trades the scanner reads")
        .isEqualTo(diffs + tickers + trades);

    SplittableRandom random = new SplittableRandom(SEED + recording.hashCode());
    MessageMutator mutator = new MessageMutator(random.split());
    int mutants = 0;
    int mutantsScanned = 0;
    for (Message message : messages) {
      byte[] seed = message.raw().bytes();
      BinanceMessage tree = message.parser().parseTree(seed, 0);
      int count =
          tree instanceof BinanceMessage.DepthDiff
              ? MUTANTS_PER_DIFF
              : tree instanceof BinanceMessage.BookTicker
                      || tree instanceof BinanceMessage.TradeMessage
                  ? 1
                  : random.nextInt(OTHER_MESSAGES_PER_MUTANT) == 0 ? 1 : 0;
      for (int i = 0; i < count; i++) {
        MessageMutator.Mutant mutant = mutator.mutate(seed);
        mutants++;
        if (message.scanner().scan(mutant.bytes(), message.raw().receiveTimeUs()) != null) {
          mutantsScanned++;
        }
        compare(message, mutant.bytes(), differences);
      }
    }
    System.out.printf(
        "parity %s: %,d messages (%,d diffs, %,d tickers and %,d trades, all scanned); %,d"
            + " mutants, %,d of them scanned%n",
        recording, messages.size(), diffs, tickers, trades, mutants, mutantsScanned);
    assertThat(differences).as("mutants the two parse differently").isEmpty();
    assertThat(mutantsScanned).as("mutants still messages the scanner reads").isPositive();
  }

  /** A spot diff in the combined-stream envelope, as Binance sends it. */
  static final String SPOT =
      "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255308,"
          + "\"s\":\"BTCUSDT\",\"U\":50093239203,\"u\":50093239207,"
          + "\"b\":[[\"55653.87000000\",\"0.00000000\"]],"
          + "\"a\":[[\"61838.04000000\",\"0.32332000\"],[\"61844.30000000\",\"0.40163000\"]]}}";

  /** A spot ticker in the combined-stream envelope: no event type, no time. */
  static final String TICKER =
      "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\","
          + "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\","
          + "\"A\":\"1.54698000\"}}";

  /** A futures ticker, bare: with an event type and times. */
  static final String USDM_TICKER =
      "{\"e\":\"bookTicker\",\"u\":5123107839020,\"s\":\"BTCUSDT\",\"b\":\"61800.20\","
          + "\"B\":\"2.507\",\"a\":\"61800.30\",\"A\":\"2.510\",\"T\":1723161256313,"
          + "\"E\":1723161256313}";

  /** A spot trade in the combined-stream envelope. */
  static final String TRADE =
      "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
          + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\","
          + "\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}";

  /** A futures aggregated trade in the combined-stream envelope. */
  static final String USDM_AGG_TRADE =
      "{\"stream\":\"ctkusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\","
          + "\"E\":1723161255343,\"a\":16599292,\"s\":\"CTKUSDT\",\"p\":\"1.01100\","
          + "\"q\":\"10\",\"f\":23961322,\"l\":23961322,\"T\":1723161255342,\"m\":false}}";

  /** A futures diff, bare, with {@code T} and {@code pu}. */
  static final String USDM =
      "{\"e\":\"depthUpdate\",\"E\":1723161256299,\"T\":1723161256298,\"s\":\"BTCUSDT\","
          + "\"U\":5123107832006,\"u\":5123107837557,\"pu\":5123107831937,"
          + "\"b\":[[\"58710.20\",\"0.014\"]],\"a\":[[\"61510.90\",\"0.000\"]]}";

  /**
   * {@code message} with the first {@code from} replaced by {@code to} (a blank written {@code
   * \\n}, {@code \\t} or {@code \\r} in the table, a NUL {@code \\0}; {@code \\u0073} stays a JSON
   * escape): the scanner reads it, or leaves it to the tree parser, and {@code parse} gives what
   * {@code parseTree} gives.
   */
  @ParameterizedTest(name = "{0}: {1} -> {2} ({3})")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          SPOT | ,"s" | ` ,\\n\\t"s"` | scanned
          SPOT | ":[[ | `" : [ [ ` | scanned
          SPOT | ]]}} | `] ] } }\\r\\n` | scanned
          SPOT | {"stream | ` \\n{"stream` | scanned
          SPOT | "e":"depthUpdate","E":1723161255308, | "E":1723161255308,"e":"depthUpdate", | scanned
          SPOT | "stream":"btcusdt@depth@100ms","data": | "data": | scanned
          SPOT | "0.32332000" | "0.32332000000000000001" | scanned
          SPOT | "55653.87000000" | "12345678901234567890.12345678901234567890" | scanned
          SPOT | "55653.87000000" | "0055653.87" | scanned
          SPOT | "0.00000000" | "0" | scanned
          SPOT | "55653.87000000" | "0.00000001" | scanned
          SPOT | "b":[["55653.87000000","0.00000000"]] | "b":[] | scanned
          SPOT | "s":"BTCUSDT" | "s":"btcusdt" | scanned
          SPOT | btcusdt@depth@100ms | btcusdt@depth\u007f | scanned
          USDM | "T" | "T" | scanned
          USDM | ,"pu":5123107831937 | `` | scanned
          USDM | "U":5123107832006 | "U":0 | scanned
          SPOT | "s":"BTCUSDT" | "\\u0073":"BTCUSDT" | tree
          SPOT | BTCUSDT | BTC\\u0055SDT | tree
          SPOT | 0.32332000 | 0.3233200\\u0030 | tree
          SPOT | btcusdt@depth | btcusdt\\u0040depth | tree
          SPOT | "0.32332000" | "3.2332e-1" | tree
          SPOT | "0.32332000" | "+0.32332000" | tree
          SPOT | "0.32332000" | "0x1p16" | tree
          SPOT | "0.32332000" | " 0.32332000" | tree
          SPOT | "0.32332000" | "0.32332000 " | tree
          SPOT | "0.32332000" | "0. 32332000" | tree
          SPOT | "0.32332000" | ".32332000" | tree
          SPOT | "0.32332000" | "0." | tree
          SPOT | "0.32332000" | "0.323320000000000000001" | tree
          SPOT | "55653.87000000" | "123456789012345678901.5" | tree
          SPOT | "55653.87000000" | "0.00000000" | tree
          SPOT | "55653.87000000" | "-55653.87" | tree
          SPOT | "55653.87000000" | 55653.87 | tree
          SPOT | ["55653.87000000","0.00000000"] | ["55653.87000000","0.00000000","1"] | tree
          SPOT | ["55653.87000000","0.00000000"] | ["55653.87000000"] | tree
          SPOT | ["55653.87000000","0.00000000"] | {"p":"55653.87000000"} | tree
          SPOT | "E":1723161255308 | "E":1.723161255308e12 | tree
          SPOT | "E":1723161255308 | "E":1723161255308.0 | tree
          SPOT | "E":1723161255308 | "E":+1723161255308 | tree
          SPOT | "E":1723161255308 | "E":01723161255308 | tree
          SPOT | "E":1723161255308 | "E":0 | tree
          SPOT | "E":1723161255308 | "E":253402300800000 | tree
          SPOT | "E":1723161255308 | "E":"1723161255308" | tree
          SPOT | "U":50093239203 | "U":-1 | tree
          SPOT | "U":50093239203 | "U":-0 | tree
          SPOT | "U":50093239203 | "U":1234567890123456789 | tree
          SPOT | "U":50093239203 | "U":12345678901234567890 | tree
          SPOT | "U":50093239203 | "U":null | tree
          SPOT | "s":"BTCUSDT" | "s":"BTCUSD\u0422" | tree
          SPOT | "s":"BTCUSDT" | "s":"BTC\\tUSDT" | tree
          SPOT | "s":"BTCUSDT" | "s":"BTC USDT" | tree
          SPOT | btcusdt@depth | btcusdt@d\u00e9pth | tree
          SPOT | "s":"BTCUSDT" | "s":"ETHUSDT","s":"BTCUSDT" | tree
          SPOT | "E":1723161255308 | "E":1,"E":1723161255308 | tree
          SPOT | "stream":"btcusdt@depth@100ms" | "stream":"a","stream":"btcusdt@depth@100ms" | tree
          SPOT | "data":{ | "data":{},"data":{ | tree
          SPOT | "stream":"btcusdt@depth@100ms" | "stream":1 | tree
          SPOT | "stream":"btcusdt@depth@100ms" | "stream":"btcusdt@trade","id":1 | tree
          SPOT | "s":"BTCUSDT" | "s":"BTCUSDT","x":1 | tree
          SPOT | "s":"BTCUSDT" | "s":"BTCUSDT","lastUpdateId":1 | tree
          SPOT | "depthUpdate" | "depthUpdatf" | tree
          SPOT | "e":"depthUpdate", | `` | tree
          SPOT | "u":50093239207, | `` | tree
          SPOT | ]]}} | ]]}}x | tree
          SPOT | ]]}} | ]]}}} | tree
          SPOT | ]]}} | ]]}}{} | tree
          SPOT | ]]}} | ]]}}\\0 | tree
          SPOT | ]]}} | ]] | tree
          SPOT | {"stream | \ufeff{"stream | tree
          USDM | "pu":5123107831937 | "pu":null | tree
          USDM | "T":1723161256298 | "T":"later" | tree
          USDM | "T":1723161256298 | "T":1.5 | tree
          SPOT | "e":"depthUpdate", | "e":"bookTicker", | tree
          TICKER | "s" | "s" | scanned
          TICKER | {"u" | {"e":"bookTicker","u" | scanned
          TICKER | "B":"3.78826000" | "B":"0" | scanned
          TICKER | "s":"BTCUSDT" | `"s" :\\t"BTCUSDT"` | scanned
          USDM_TICKER | ,"E":1723161256313 | `` | scanned
          USDM_TICKER | ,"T":1723161256313 | `` | scanned
          USDM_TICKER | "e":"bookTicker", | `` | scanned
          TICKER | ,"A":"1.54698000" | `` | tree
          TICKER | "u":50093239212, | `` | tree
          TICKER | "b":"61837.63000000" | "b":"0" | tree
          TICKER | "b":"61837.63000000" | "b":"-1" | tree
          TICKER | "b":"61837.63000000" | "b":[["1","1"]] | tree
          TICKER | "B":"3.78826000" | "B":3.78826 | tree
          TICKER | "B":"3.78826000" | "B":"3.78826e0" | tree
          TICKER | "B":"3.78826000" | "B":null | tree
          TICKER | "u":50093239212 | "U":1,"u":50093239212 | tree
          TICKER | "u":50093239212 | "u":"50093239212" | tree
          TICKER | {"u" | {"e":"bookTickers","u" | tree
          TICKER | {"u" | {"e":"depthUpdate","u" | tree
          TICKER | "s":"BTCUSDT" | "s":"BTCUSDT","s":"ETHUSDT" | tree
          USDM_TICKER | "E":1723161256313 | "E":0 | tree
          USDM_TICKER | "E":1723161256313 | "E":null | tree
          USDM_TICKER | "T":1723161256313 | "T":"x" | tree
          TRADE | "s" | "s" | scanned
          TRADE | ,"M":true | `` | scanned
          TRADE | "m":true | "m":false | scanned
          TRADE | "M":true | "M":false,"X":"MARKET" | scanned
          TRADE | ,"E":1723161255343 | `` | scanned
          TRADE | "stream":"btcusdt@trade", | `` | scanned
          TRADE | "stream":"btcusdt@trade" | "stream":"BTCUSDT@trade" | scanned
          TRADE | "p":"61837.63000000" | `"p" : "61837.63000000"` | scanned
          USDM_AGG_TRADE | "a" | "a" | scanned
          USDM_AGG_TRADE | ,"f":23961322,"l":23961322 | `` | scanned
          TRADE | "stream":"btcusdt@trade" | "stream":"ethusdt@trade" | tree
          TRADE | "stream":"btcusdt@trade" | "stream":"btcusdt" | tree
          TRADE | "s":"BTCUSDT" | "s":"btcusdt" | tree
          TRADE | "M":true | "M":true,"X":"INSURANCE_FUND" | tree
          TRADE | "M":true | "M":true,"X":null | tree
          TRADE | "m":true | "m":1 | tree
          TRADE | "m":true | "m":tru | tree
          TRADE | "m":true | "m":truex | tree
          TRADE | "m":true | "m":"true" | tree
          TRADE | "T":1723161255342 | "T":1723361255342 | tree
          TRADE | "T":1723161255342 | "T":-1 | tree
          TRADE | ,"T":1723161255342 | `` | tree
          TRADE | "t":3735683259 | "t":-3735683259 | tree
          TRADE | "t":3735683259 | "t":"3735683259" | tree
          TRADE | "q":"0.02000000" | "q":"0" | tree
          TRADE | "p":"61837.63000000" | "p":"1e5" | tree
          TRADE | "E":1723161255343 | "E":"soon" | tree
          TRADE | "M":true | "M":true,"a":1 | tree
          TRADE | "M":true | "M":true,"b":1 | tree
          USDM_AGG_TRADE | "a":16599292 | "a":"16599292" | tree
          USDM_AGG_TRADE | "a":16599292 | "a":[["1","1"]] | tree
          USDM_AGG_TRADE | "a":16599292 | "t":16599292 | tree
          USDM_AGG_TRADE | "f":23961322 | "f":"x" | tree
          """)
  void anEditedMessageParsesAsTheTreeParsesIt(
      String base, String from, String to, String expected) {
    String original =
        switch (base) {
          case "SPOT" -> SPOT;
          case "USDM" -> USDM;
          case "TICKER" -> TICKER;
          case "USDM_TICKER" -> USDM_TICKER;
          case "TRADE" -> TRADE;
          default -> USDM_AGG_TRADE;
        };
    assertThat(original).contains(from);
    int at = original.indexOf(from);
    String edited =
        original.substring(0, at) + unescape(to) + original.substring(at + from.length());
    byte[] bytes = edited.getBytes(StandardCharsets.UTF_8);
    String venue = base.startsWith("USDM") ? "BINANCE_USDM" : "BINANCE";
    BinanceParser parser = new BinanceParser(venue);
    BinanceMessage tree = parser.parseTree(bytes, 1_723_161_254_087_896L);

    assertThat(parser.parse(bytes, 1_723_161_254_087_896L)).isEqualTo(tree);
    BinanceMessage scanned = new MessageScanner(venue).scan(bytes, 1_723_161_254_087_896L);
    if (expected.equals("scanned")) {
      assertThat(scanned).as(edited).isNotNull().isEqualTo(tree);
    } else {
      assertThat(scanned).as(edited).isNull();
    }
  }

  private static BinanceMessage compare(Message message, byte[] bytes, List<String> differences) {
    long receiveUs = message.raw().receiveTimeUs();
    BinanceMessage tree = message.parser().parseTree(bytes, receiveUs);
    BinanceMessage parsed = message.parser().parse(bytes, receiveUs);
    if (!parsed.equals(tree) && differences.size() < 20) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      differences.add(
          (text.length() > 300 ? text.substring(0, 300) + "..." : text)
              + "\n  parse:     "
              + parsed
              + "\n  parseTree: "
              + tree);
    }
    return tree;
  }

  /** Every message of a recording, REST snapshots included. */
  private static List<Message> read(String file) throws IOException {
    List<Message> messages = new ArrayList<>();
    try (Recording recording = Recordings.open(SharedData.file(file), null)) {
      String venue = recording.venue().instrumentVenue();
      BinanceParser parser = new BinanceParser(venue);
      MessageScanner scanner = new MessageScanner(venue);
      recording.forEach(
          new Recording.Handler() {
            @Override
            public void message(RawMessage message) {
              messages.add(new Message(parser, scanner, message));
            }

            @Override
            public void restSnapshot(String symbol, RawMessage body) {
              messages.add(new Message(parser, scanner, body));
            }

            @Override
            public void malformed(RawMessage line, String reason) {
              messages.add(new Message(parser, scanner, line));
            }
          });
    }
    return messages;
  }

  /** The table's {@code \n}, {@code \t}, {@code \r} and {@code \0} as characters; others stay. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        default -> out.append('\\').append(next);
      }
    }
    return out.toString();
  }
}
