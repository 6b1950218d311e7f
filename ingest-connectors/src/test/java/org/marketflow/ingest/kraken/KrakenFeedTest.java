package org.marketflow.ingest.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.ingest.kraken.KrakenFeedRecordingTest.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.ingest.feed.CollectingOutput.DeadLetter;
import org.marketflow.ingest.feed.CollectingOutput.Ignored;
import org.marketflow.ingest.feed.CollectingOutput.Received;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** {@link KrakenFeed} on small hand-made Kraken v1 messages. */
class KrakenFeedTest {

  private static final String XBT = "KRAKEN:XBT/USD";
  private static final long START_NS = 1_618_678_133_000_000_000L;
  private static final String LEVEL_TIME = "1618678133.250001";

  private final CollectingOutput out = new CollectingOutput();
  private final List<String> resyncs = new ArrayList<>();
  private final KrakenFeed feed = new KrakenFeed(out, "ingest.test.kraken", resyncs::add);

  /** Kraken's own book of XBT/USD at depth 10, which the updates' checksums are computed from. */
  private final KrakenBook venue = new KrakenBook(10);

  private long line;

  @BeforeEach
  void subscribe() {
    send(
        "{\"channelID\":42,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\","
            + "\"pair\":\"XBT/USD\",\"status\":\"subscribed\","
            + "\"subscription\":{\"depth\":10,\"name\":\"book\"}}");
    send(
        "{\"channelID\":43,\"channelName\":\"trade\",\"event\":\"subscriptionStatus\","
            + "\"pair\":\"XBT/USD\",\"status\":\"subscribed\",\"subscription\":{\"name\":\"trade\"}}");
  }

  @Test
  void publishesTheSnapshotThenEachVerifiedUpdateWithItsChecksum() {
    snapshot(List.of("100.5:1.0", "101.0:2.0"), List.of("100.0:3.0", "99.5:0.25"));
    send(update(List.of("100.5:1.5:r"), List.of("100.0:0.00000000", "99.0:4.0")));

    assertThat(out.books).hasSize(2);
    BookUpdate snapshot = out.books.get(0);
    assertThat(snapshot.getKind()).isEqualTo(BookUpdateKind.SNAPSHOT);
    assertThat(snapshot.getInstrument()).isEqualTo(XBT);
    assertThat(snapshot.getAsks()).containsExactly(level(100.5, 1.0), level(101.0, 2.0));
    assertThat(snapshot.getBids()).containsExactly(level(100.0, 3.0), level(99.5, 0.25));
    assertThat(snapshot.getChecksum()).isNull();
    assertThat(snapshot.getExchangeTimeUs()).isEqualTo(1_618_678_133_250_001L);

    BookUpdate delta = out.books.get(1);
    assertThat(delta.getKind()).isEqualTo(BookUpdateKind.DELTA);
    assertThat(delta.getAsks()).containsExactly(level(100.5, 1.5));
    assertThat(delta.getBids()).containsExactly(level(100.0, 0.0), level(99.0, 4.0));
    assertThat(delta.getChecksum()).isEqualTo(venue.checksum());
    assertThat(delta.getFirstSequence()).isNull();
    assertThat(delta.getLastSequence()).isNull();
    assertThat(delta.getReceiveTimeUs()).isEqualTo(START_NS / 1_000L + 4);
    assertThat(out.checksumsVerified).isEqualTo(1);
    assertThat(out.received)
        .extracting(Received::type)
        .containsExactly(
            "subscriptionStatus", "subscriptionStatus", "book-snapshot", "book-update");
    assertThat(out.deadLetters).isEmpty();
    assertThat(out.statuses).isEmpty();
    assertThat(rebuilt().asks(100)).isEqualTo(levels(feed.book("XBT/USD").asks()));
    assertThat(rebuilt().bids(100)).isEqualTo(levels(feed.book("XBT/USD").bids()));
  }

  @Test
  void aDeltaCarriesTheLevelsThatTheDepthCutsAsRemovals() {
    List<String> asks = new ArrayList<>();
    List<String> bids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      asks.add((101 + i) + ".0:1.0");
      bids.add((99 - i) + ".0:1.0");
    }
    snapshot(asks, bids);
    // A better ask and bid push the worst ones (110 and 90) out; Kraken sends no removal for them.
    // An ask beyond the depth never enters the book.
    send(update(List.of("100.5:2.0", "120.0:1.0"), List.of("99.5:2.0")));

    BookUpdate delta = out.books.get(1);
    assertThat(delta.getAsks())
        .containsExactly(level(100.5, 2.0), level(120.0, 0.0), level(110.0, 0.0));
    assertThat(delta.getBids()).containsExactly(level(99.5, 2.0), level(90.0, 0.0));
    assertThat(out.checksumsVerified).isEqualTo(1);
    OrderBook rebuilt = rebuilt();
    assertThat(rebuilt.depth()).isEqualTo(20);
    assertThat(rebuilt.asks(100)).isEqualTo(levels(feed.book("XBT/USD").asks()));
    assertThat(rebuilt.bids(100)).isEqualTo(levels(feed.book("XBT/USD").bids()));
  }

  @Test
  void aMismatchDropsTheBookUntilTheNextSnapshotThenResyncs() {
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    send(update(List.of("101.0:2.0"), List.of()));
    // One level changed on the way: Kraken's checksum is of 101.0 at 2.0, the message says 2.5.
    String corrupted = update(List.of("101.0:2.0"), List.of()).replace("\"2.0\"", "\"2.5\"");
    KrakenBook corruptedBook = new KrakenBook(10);
    corruptedBook.reset(venue.asks(), venue.bids());
    corruptedBook.apply(List.of(new KrakenBook.Level("101.0", "2.5")), List.of());
    send(corrupted);

    assertThat(out.statuses).hasSize(1);
    FeedStatus mismatch = out.statuses.get(0);
    assertThat(mismatch.getState()).isEqualTo(FeedState.CHECKSUM_MISMATCH);
    assertThat(mismatch.getInstrument()).isEqualTo(XBT);
    assertThat(mismatch.getExpectedSequence()).as("Kraken's c").isEqualTo(venue.checksum());
    assertThat(mismatch.getReceivedSequence()).isEqualTo(corruptedBook.checksum());
    assertThat(resyncs).containsExactly("XBT/USD");
    assertThat(feed.isSynced("XBT/USD")).isFalse();

    int published = out.published().size();
    send(update(List.of("102.0:1.0"), List.of()));
    send(update(List.of(), List.of("99.0:1.0")));
    assertThat(out.published()).hasSize(published);
    assertThat(out.ignored)
        .extracting(Ignored::why)
        .containsExactly("book update before its snapshot", "book update before its snapshot");
    assertThat(out.deadLetters).isEmpty();

    venue.reset(List.of(), List.of());
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    send(update(List.of("100.5:0.5"), List.of()));
    List<Object> after = out.published().subList(published, out.published().size());
    assertThat(after).hasSize(3);
    assertThat(((BookUpdate) after.get(0)).getKind()).isEqualTo(BookUpdateKind.SNAPSHOT);
    assertThat(((FeedStatus) after.get(1)).getState()).isEqualTo(FeedState.RESYNCED);
    assertThat(((BookUpdate) after.get(2)).getKind()).isEqualTo(BookUpdateKind.DELTA);
    assertThat(out.checksumsVerified).isEqualTo(2);
    assertThat(resyncs).hasSize(1);
  }

  @Test
  void normalizesEachTradeOfATradeMessage() {
    send(
        "[43,[[\"56218.30000\",\"0.00150000\",\"1618678163.318329\",\"b\",\"m\",\"\"],"
            + "[\"56218.20000\",\"0.02000000\",\"1618678163.5\",\"s\",\"l\",\"\"]],"
            + "\"trade\",\"XBT/USD\"]");

    assertThat(out.trades).hasSize(2);
    Trade buy = out.trades.get(0);
    assertThat(buy.getInstrument()).isEqualTo(XBT);
    assertThat(buy.getPrice()).isEqualTo(56218.3);
    assertThat(buy.getSize()).isEqualTo(0.0015);
    assertThat(buy.getExchangeTimeUs()).isEqualTo(1_618_678_163_318_329L);
    assertThat(buy.getReceiveTimeUs()).isEqualTo(START_NS / 1_000L + 3);
    assertThat(buy.getSide()).as("b: the buyer was the aggressor").isEqualTo(Side.BUY);
    assertThat(buy.getTradeId()).as("Kraken v1 trades have no id").isNull();
    assertThat(buy.getSequence()).isNull();
    Trade sell = out.trades.get(1);
    assertThat(sell.getSide()).isEqualTo(Side.SELL);
    assertThat(sell.getExchangeTimeUs()).isEqualTo(1_618_678_163_500_000L);
    assertThat(out.received).extracting(Received::type).endsWith("trade");
    assertThat(out.deadLetters).isEmpty();
  }

  static Stream<Arguments> badInput() {
    String book = ",\"book-10\",\"XBT/USD\"]";
    String trade = ",\"trade\",\"XBT/USD\"]";
    return Stream.of(
        Arguments.of("[42,{\"a\":[[\"100.5\"", "invalid JSON: Unexpected end-of-input"),
        Arguments.of("42", "not a JSON object or array"),
        Arguments.of("{\"event\":\"nonsense\"}", "unknown event 'nonsense'"),
        Arguments.of("{\"status\":\"online\"}", "an object without a string 'event'"),
        Arguments.of(
            "{\"event\":\"error\",\"errorMessage\":\"Malformed request\"}",
            "error: Malformed request"),
        Arguments.of(
            "{\"errorMessage\":\"Currency pair not supported\",\"event\":\"subscriptionStatus\","
                + "\"pair\":\"XBT/EUR\",\"status\":\"error\"}",
            "subscriptionStatus error: Currency pair not supported (pair XBT/EUR)"),
        Arguments.of(
            "[99,{\"a\":[[\"100.5\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "unknown channel id 99 (book-10)"),
        Arguments.of(
            "[43,{\"a\":[[\"100.5\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "channel 43 is trade of XBT/USD, not book-10 of XBT/USD"),
        Arguments.of(
            "[42,{\"a\":[[\"100.5\",\"1.0\",\""
                + LEVEL_TIME
                + "\"]],\"c\":\"1\"},\"book-10\","
                + "\"ETH/USD\"]",
            "channel 42 is book-10 of XBT/USD, not book-10 of ETH/USD"),
        Arguments.of(
            "[\"42\",{\"a\":[[\"100.5\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: channel id is not an integer: \"42\""),
        Arguments.of(
            "[42,{\"a\":[[100.5,\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'a' is not a decimal string"),
        Arguments.of(
            "[42,{\"a\":[[\"100.5\",\"-1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'a' is not a decimal: '-1.0'"),
        Arguments.of(
            "[42,{\"b\":[[\"1e2\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not a decimal: '1e2'"),
        Arguments.of(
            "[42,{\"b\":[[\"NaN\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not a decimal: 'NaN'"),
        Arguments.of(
            "[42,{\"b\":[[\"Infinity\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not a decimal: 'Infinity'"),
        Arguments.of(
            "[42,{\"b\":[[\"0.0\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not positive: '0.0'"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"soon\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not a decimal: 'soon'"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"0.0\"]],\"c\":\"1\"}" + book,
            "book-10: field 'b' is not an epoch time: 0.0"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"" + LEVEL_TIME + "\",\"x\"]],\"c\":\"1\"}" + book,
            "book-10: a level of 'b' has a fourth element other than \"r\": "
                + "[\"99.0\",\"1.0\",\"1618678133.250001\",\"x\"]"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"" + LEVEL_TIME + "\"]]}" + book,
            "book-10: book update of XBT/USD without a checksum 'c'"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"4294967296\"}" + book,
            "book-10: field 'c' is more than 32 bits: 4294967296"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":123}" + book,
            "book-10: field 'c' is not a checksum: 123"),
        Arguments.of(
            "[42,{\"b\":[[\"99.0\",\"1.0\",\"" + LEVEL_TIME + "\"]],\"c\":\"1\",\"x\":1}" + book,
            "book-10: unknown field 'x'"),
        Arguments.of(
            "[42,{\"as\":[[\"100.0\",\"1.0\",\""
                + LEVEL_TIME
                + "\"]],"
                + "\"bs\":[[\"101.0\",\"1.0\",\""
                + LEVEL_TIME
                + "\"]]}"
                + book,
            "crossed snapshot of XBT/USD: best bid 101.0 >= best ask 100.0"),
        Arguments.of(
            "[42,{\"as\":[[\"100.0\",\"0.0\",\"" + LEVEL_TIME + "\"]],\"bs\":[]}" + book,
            "book-10: field 'as' is not positive: '0.0'"),
        Arguments.of(
            "[42,{\"as\":[[\"100.0\",\"1.0\",\"" + LEVEL_TIME + "\"]]}" + book,
            "book-10: a snapshot is one object with 'as' and 'bs'"),
        Arguments.of(
            "[42,{\"as\":[],\"bs\":[]},\"book-7\",\"XBT/USD\"]",
            "book-7: channel 'book-7' is not a book depth of Kraken"),
        Arguments.of(
            "[43,[[\"56218.3\",\"0.1\",\"1618678163.3\",\"x\",\"m\",\"\"]]" + trade,
            "trade: side is not b or s: \"x\""),
        Arguments.of(
            "[43,[[\"56218.3\",\"0.1\",\"1618678163.3\",\"b\",\"q\",\"\"]]" + trade,
            "trade: order type is not m or l: \"q\""),
        Arguments.of(
            "[43,[[\"-56218.3\",\"0.1\",\"1618678163.3\",\"b\",\"m\",\"\"]]" + trade,
            "trade: field 'price' is not a decimal: '-56218.3'"),
        Arguments.of(
            "[43,[[\"56218.3\",\"0\",\"1618678163.3\",\"b\",\"m\",\"\"]]" + trade,
            "trade: field 'volume' is not positive: '0.0'"),
        Arguments.of(
            "[43,[[\"56218.3\",\"0.1\",\"1718678163.3\",\"b\",\"m\",\"\"]]" + trade,
            "trade: trade time 1718678163300000 is more than a day from the receive time "
                + "1618678133000004"),
        Arguments.of(
            "[43,[[\"56218.3\",\"0.1\",\"1618678163.3\",\"b\",\"m\"]]" + trade,
            "trade: a trade is not [price, volume, time, side, orderType, misc]: "
                + "[\"56218.3\",\"0.1\",\"1618678163.3\",\"b\",\"m\"]"),
        Arguments.of("[43,[]" + trade, "trade: not [channelID, [trade, ...], \"trade\", pair]"),
        Arguments.of("[43,{}]", "a channel message has fewer than 4 elements"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInput")
  void badInputIsOneDeadLetterAndChangesNothing(String message, String reason) {
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    int published = out.published().size();
    List<KrakenBook.Level> asks = feed.book("XBT/USD").asks();

    RawMessage raw = send(message);

    assertThat(out.deadLetters).hasSize(1);
    DeadLetter letter = out.deadLetters.get(0);
    assertThat(letter.reason()).startsWith(reason);
    if (!reason.startsWith("invalid JSON")) {
      assertThat(letter.reason()).isEqualTo(reason);
    }
    assertThat(letter.stage()).isEqualTo("ingest.test.kraken");
    assertThat(letter.raw()).isEqualTo(raw.bytes());
    assertThat(letter.origin()).isEqualTo(raw.origin());
    assertThat(letter.atUs()).isEqualTo(raw.receiveTimeUs());
    assertThat(out.published()).hasSize(published);
    assertThat(feed.isSynced("XBT/USD")).isTrue();
    assertThat(feed.book("XBT/USD").asks()).isEqualTo(asks);
    assertThat(resyncs).isEmpty();
  }

  @Test
  void aDisconnectionUnsyncsEveryBookUntilItsNextSnapshot() {
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    feed.connected(1_000L);
    feed.disconnected(2_000L, "closed by the venue");

    assertThat(out.statuses)
        .extracting(FeedStatus::getState, FeedStatus::getInstrument, FeedStatus::getReceiveTimeUs)
        .containsExactly(
            tuple(FeedState.CONNECTED, XBT, 1_000L), tuple(FeedState.DISCONNECTED, XBT, 2_000L));
    assertThat(out.statuses.get(1).getDetail()).isEqualTo("closed by the venue");
    assertThat(feed.isSynced("XBT/USD")).isFalse();
    assertThat(feed.book("XBT/USD").size()).isZero();

    // The old connection's channel ids mean nothing now.
    send(update(List.of("101.0:1.0"), List.of()));
    assertThat(out.deadLetters)
        .extracting(DeadLetter::reason)
        .containsExactly("unknown channel id 42 (book-10)");

    int published = out.published().size();
    feed.connected(3_000L);
    subscribe();
    venue.reset(List.of(), List.of());
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    List<Object> after = out.published().subList(published, out.published().size());
    assertThat(after).hasSize(3);
    assertThat(((FeedStatus) after.get(0)).getState()).isEqualTo(FeedState.CONNECTED);
    assertThat(((BookUpdate) after.get(1)).getKind()).isEqualTo(BookUpdateKind.SNAPSHOT);
    assertThat(((FeedStatus) after.get(2)).getState()).isEqualTo(FeedState.RESYNCED);
    assertThat(feed.isSynced("XBT/USD")).isTrue();
  }

  @Test
  void anUnsubscribedChannelIsForgottenAndItsBookDropped() {
    snapshot(List.of("100.5:1.0"), List.of("100.0:3.0"));
    send(
        "{\"channelID\":42,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\","
            + "\"pair\":\"XBT/USD\",\"status\":\"unsubscribed\","
            + "\"subscription\":{\"depth\":10,\"name\":\"book\"}}");

    assertThat(feed.isSynced("XBT/USD")).isFalse();
    send(update(List.of("101.0:1.0"), List.of()));
    assertThat(out.deadLetters)
        .extracting(DeadLetter::reason)
        .containsExactly("unknown channel id 42 (book-10)");
  }

  @Test
  void anInstrumentIsStaleOnceWhenSilentAndHeartbeatsCountAsNews() {
    long subscribedUs = START_NS / 1_000L + 2;
    feed.checkStale(subscribedUs + 5_000_000L, 10_000_000L);
    assertThat(out.statuses).isEmpty();

    send("{\"event\":\"heartbeat\"}"); // at subscribedUs + 1
    feed.checkStale(subscribedUs + 10_000_000L, 10_000_000L);
    assertThat(out.statuses).as("the heartbeat was 9.999999 s ago").isEmpty();

    feed.checkStale(subscribedUs + 20_000_000L, 10_000_000L);
    feed.checkStale(subscribedUs + 30_000_000L, 10_000_000L);
    assertThat(out.statuses)
        .extracting(FeedStatus::getState, FeedStatus::getInstrument)
        .containsExactly(tuple(FeedState.STALE, XBT));
    assertThat(out.received).extracting(Received::type).endsWith("heartbeat");
  }

  @Test
  void systemStatusAndPongAreReceivedAndPublishNothing() {
    send(
        "{\"connectionID\":17843232920108168701,\"event\":\"systemStatus\",\"status\":\"online\","
            + "\"version\":\"1.8.3\"}");
    send("{\"event\":\"pong\",\"reqid\":7}");

    assertThat(out.received).extracting(Received::type).endsWith("systemStatus", "pong");
    assertThat(out.ignored).extracting(Ignored::why).containsExactly("pong");
    assertThat(out.published()).isEmpty();
    assertThat(out.deadLetters).isEmpty();
  }

  private RawMessage send(String text) {
    line++;
    RawMessage message =
        RawMessage.of(text, START_NS + line * 1_000L, RecordOrigin.file("kraken.test", line));
    feed.onMessage(message);
    return message;
  }

  /** Sends a snapshot of levels {@code "price:volume"}, and sets Kraken's book to it. */
  private void snapshot(List<String> asks, List<String> bids) {
    venue.reset(parse(asks), parse(bids));
    send("[42,{\"as\":" + json(asks) + ",\"bs\":" + json(bids) + "},\"book-10\",\"XBT/USD\"]");
  }

  /**
   * An update of levels {@code "price:volume"} (or {@code "price:volume:r"}, republished) with the
   * checksum of Kraken's book after it; asks and bids in two objects when both are present.
   */
  private String update(List<String> asks, List<String> bids) {
    venue.apply(parse(asks), parse(bids));
    String checksum = "\"c\":\"" + venue.checksum() + "\"";
    String a = "{\"a\":" + json(asks);
    String b = "{\"b\":" + json(bids);
    String objects =
        asks.isEmpty()
            ? b + "," + checksum + "}"
            : bids.isEmpty() ? a + "," + checksum + "}" : a + "}," + b + "," + checksum + "}";
    return "[42," + objects + ",\"book-10\",\"XBT/USD\"]";
  }

  private static List<KrakenBook.Level> parse(List<String> levels) {
    return levels.stream()
        .map(level -> level.split(":"))
        .map(parts -> new KrakenBook.Level(parts[0], parts[1]))
        .toList();
  }

  private static String json(List<String> levels) {
    List<String> json = new ArrayList<>();
    for (String level : levels) {
      String[] parts = level.split(":");
      String republished = parts.length > 2 ? ",\"" + parts[2] + "\"" : "";
      json.add(
          "[\"" + parts[0] + "\",\"" + parts[1] + "\",\"" + LEVEL_TIME + "\"" + republished + "]");
    }
    return "[" + String.join(",", json) + "]";
  }

  private OrderBook rebuilt() {
    OrderBook book = new OrderBook();
    out.books.forEach(book::apply);
    return book;
  }

  private static BookLevel level(double price, double size) {
    return new BookLevel(price, size, null);
  }
}
