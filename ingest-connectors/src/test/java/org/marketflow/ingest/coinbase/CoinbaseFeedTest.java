package org.marketflow.ingest.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
import org.marketflow.schemas.kafka.RecordOrigin;

/** The feed on small made-up message sequences: sequences, gaps, resyncs, checks, dead letters. */
class CoinbaseFeedTest {

  private static final String STAGE = "ingest.test.coinbase";
  private static final String BTC = "COINBASE:BTC-USD";

  /** 2021-04-17T16:43:37Z. */
  private static final long T0_US = 1_618_677_817_000_000L;

  private final CollectingOutput out = new CollectingOutput();
  private final List<String> resyncs = new ArrayList<>();
  private final CoinbaseFeed feed = new CoinbaseFeed(out, STAGE, resyncs::add);
  private long line;

  @Test
  void aLostSequencedMessageIsAGapUntilTheNextSnapshot() {
    send(snapshot(100L, "100", "101"), 0);
    send(l2update(101L, "buy", "99.5", "2", 1), 1);
    send(l2update(102L, "sell", "101.5", "3", 2), 2);
    // 103 is lost
    send(l2update(104L, "buy", "100", "0", 4), 4);
    send(l2update(105L, "buy", "99", "1", 5), 5);
    assertThat(resyncs).containsExactly("BTC-USD");
    assertThat(feed.book("BTC-USD").depth()).as("the book is dropped").isZero();
    send(snapshot(110L, "99", "101"), 10);
    send(l2update(111L, "sell", "100.5", "1", 11), 11);

    assertThat(out.all)
        .extracting(CoinbaseFeedTest::describe)
        .containsExactly(
            "SNAPSHOT 100",
            "DELTA 101",
            "DELTA 102",
            "GAP",
            "SNAPSHOT 110",
            "RESYNCED",
            "DELTA 111");
    FeedStatus gap = out.statuses.get(0);
    assertThat(gap.getInstrument()).isEqualTo(BTC);
    assertThat(gap.getExpectedSequence()).isEqualTo(103L);
    assertThat(gap.getReceivedSequence()).isEqualTo(104L);
    assertThat(gap.getEventTimeUs()).as("the gap's venue time").isEqualTo(T0_US + 4_000);
    assertThat(gap.getReceiveTimeUs()).isEqualTo(receiveUs(4));
    FeedStatus resynced = out.statuses.get(1);
    assertThat(resynced.getReceivedSequence()).isEqualTo(110L);
    assertThat(out.ignored)
        .containsExactly(new Ignored(BTC, "l2update while the book is not synced"));
    assertThat(out.deadLetters).isEmpty();
    assertThat(rebuilt(out.books)).isEqualTo(levels(feed.book("BTC-USD")));
    assertThat(feed.book("BTC-USD").bestAsk()).isEqualTo(new BookLevel(100.5, 1.0, null));
  }

  @Test
  void aDeltaCarriesTheVenuesSequenceAndTimes() {
    send(snapshot(100L, "100", "101"), 0);
    send(l2update(101L, "buy", "99.5", "2", 1), 1);
    BookUpdate delta = out.books.get(1);
    assertThat(delta.getKind()).isEqualTo(BookUpdateKind.DELTA);
    assertThat(delta.getFirstSequence()).isEqualTo(101L);
    assertThat(delta.getLastSequence()).isEqualTo(101L);
    assertThat(delta.getExchangeTimeUs()).isEqualTo(T0_US + 1_000);
    assertThat(delta.getReceiveTimeUs()).isEqualTo(receiveUs(1));
    assertThat(delta.getBids()).containsExactly(new BookLevel(99.5, 2.0, null));
    assertThat(out.books.get(0).getExchangeTimeUs())
        .as("a snapshot without a time has the receive time")
        .isEqualTo(receiveUs(0));
  }

  @Test
  void aRepeatedSequenceIsDroppedAndAMissingOneIsAGap() {
    send(snapshot(100L, "100", "101"), 0);
    send(l2update(101L, "buy", "99.5", "2", 1), 1);
    send(l2update(101L, "buy", "99.5", "7", 1), 1);
    assertThat(out.ignored).containsExactly(new Ignored(BTC, "l2update already applied"));
    assertThat(feed.book("BTC-USD").bids(5)).contains(new BookLevel(99.5, 2.0, null));

    send(l2update(null, "buy", "99.5", "3", 2), 2);
    assertThat(out.statuses)
        .extracting(
            FeedStatus::getState,
            FeedStatus::getExpectedSequence,
            FeedStatus::getReceivedSequence,
            FeedStatus::getDetail)
        .containsExactly(
            tuple(
                FeedState.GAP,
                102L,
                null,
                "a level2 message without a sequence after sequenced ones"));
    assertThat(resyncs).containsExactly("BTC-USD");
  }

  @Test
  void withoutSequencesATimeGoingBackIsAGap() {
    send(snapshot(null, "100", "101"), 0);
    send(l2update(null, "buy", "99.5", "2", 5), 1);
    send(l2update(null, "buy", "99.5", "3", 5), 2);
    send(l2update(null, "buy", "99.5", "4", 4), 3);

    assertThat(out.all)
        .extracting(CoinbaseFeedTest::describe)
        .containsExactly("SNAPSHOT null", "DELTA null", "DELTA null", "GAP");
    assertThat(out.statuses.get(0).getDetail())
        .isEqualTo(
            "exchange time went backwards: "
                + (T0_US + 4_000)
                + " us after "
                + (T0_US + 5_000)
                + " us");
    assertThat(out.statuses.get(0).getExpectedSequence()).isNull();
    assertThat(resyncs).containsExactly("BTC-USD");
  }

  @Test
  void anUpdateThatCrossesTheBookIsAGap() {
    send(snapshot(null, "100", "101"), 0);
    send(l2update(null, "buy", "101.5", "1", 1), 1);

    assertThat(out.all)
        .extracting(CoinbaseFeedTest::describe)
        .containsExactly("SNAPSHOT null", "GAP");
    assertThat(out.statuses.get(0).getDetail())
        .isEqualTo("book crossed after the update: best bid 101.5 is not below best ask 101.0");
    assertThat(feed.book("BTC-USD").depth()).isZero();
    assertThat(resyncs).containsExactly("BTC-USD");

    send(snapshot(null, "100", "101"), 2);
    assertThat(out.all)
        .extracting(CoinbaseFeedTest::describe)
        .containsExactly("SNAPSHOT null", "GAP", "SNAPSHOT null", "RESYNCED");
  }

  @Test
  void aCrossedSnapshotIsADeadLetterAndChangesNothing() {
    send(snapshot(null, "100", "101"), 0);
    String crossed = snapshot(null, "102", "101");
    send(crossed, 1);

    assertThat(out.deadLetters)
        .containsExactly(
            new DeadLetter(
                STAGE,
                "snapshot: crossed book: best bid 102.0 is not below best ask 101.0",
                RecordOrigin.file("test", line),
                receiveUs(1),
                crossed.getBytes(StandardCharsets.UTF_8)));
    assertThat(out.books).hasSize(1);
    assertThat(feed.book("BTC-USD").bestBid()).isEqualTo(new BookLevel(100.0, 1.0, null));
  }

  @Test
  void aDisconnectionUnsyncsEveryBookUntilItsNextSnapshot() {
    CoinbaseFeed subscribed =
        new CoinbaseFeed(out, STAGE, resyncs::add, Set.of("BTC-USD", "ETH-USD"));
    subscribed.connected(receiveUs(0));
    assertThat(out.statuses)
        .extracting(FeedStatus::getInstrument, FeedStatus::getState)
        .containsExactlyInAnyOrder(
            tuple(BTC, FeedState.CONNECTED), tuple("COINBASE:ETH-USD", FeedState.CONNECTED));
    out.clear();

    subscribed.onMessage(message(snapshot(null, "100", "101"), 1));
    subscribed.disconnected(receiveUs(2), "closed by the venue");
    subscribed.onMessage(message(l2update(null, "buy", "99", "1", 3), 3));
    subscribed.onMessage(message(snapshot(null, "100", "101"), 4));

    assertThat(out.all)
        .extracting(CoinbaseFeedTest::describe)
        .containsExactly(
            "SNAPSHOT null", "DISCONNECTED", "DISCONNECTED", "SNAPSHOT null", "RESYNCED");
    assertThat(out.statuses.get(0).getDetail()).isEqualTo("closed by the venue");
    assertThat(out.ignored)
        .containsExactly(new Ignored(BTC, "l2update while the book is not synced"));
    assertThat(resyncs).as("a disconnection is not a gap").isEmpty();
  }

  @Test
  void aSilentProductIsStaleOnceAndAHeartbeatIsActivity() {
    CoinbaseFeed subscribed =
        new CoinbaseFeed(out, STAGE, resyncs::add, Set.of("BTC-USD", "ETH-USD"));
    subscribed.connected(receiveUs(0));
    subscribed.onMessage(
        message(
            "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,"
                + "\"product_id\":\"BTC-USD\",\"time\":\""
                + time(9_000)
                + "\"}",
            9_000));
    out.clear();

    subscribed.checkStale(receiveUs(10_000), 5_000_000L);
    subscribed.checkStale(receiveUs(11_000), 5_000_000L);

    assertThat(out.statuses)
        .extracting(FeedStatus::getInstrument, FeedStatus::getState, FeedStatus::getDetail)
        .containsExactly(
            tuple("COINBASE:ETH-USD", FeedState.STALE, "nothing received for 10000 ms"));
  }

  @Test
  void aTradeIdAlreadyPublishedIsDropped() {
    send(match("last_match", 881_613, 333_938_798L, "sell"), 0);
    send(match("match", 881_613, 333_938_798L, "sell"), 1);
    send(match("match", 881_614, 333_938_801L, "buy"), 2);

    assertThat(out.trades)
        .extracting(t -> t.getTradeId(), t -> t.getSequence(), t -> t.getSide())
        .containsExactly(
            tuple("881613", 333_938_798L, Side.BUY), tuple("881614", 333_938_801L, Side.SELL));
    assertThat(out.ignored).containsExactly(new Ignored(BTC, "repeated trade"));
    assertThat(out.received)
        .containsExactly(
            new Received(BTC, "last_match"),
            new Received(BTC, "match"),
            new Received(BTC, "match"));
  }

  @Test
  void aTickerIsAQuote() {
    send(
        "{\"type\":\"ticker\",\"sequence\":5,\"product_id\":\"BTC-USD\",\"price\":\"100.5\","
            + "\"best_bid\":\"100\",\"best_ask\":\"101\",\"best_bid_size\":\"0.5\","
            + "\"best_ask_size\":\"1.5\",\"side\":\"buy\",\"time\":\""
            + time(1)
            + "\",\"trade_id\":3,\"last_size\":\"1\"}",
        2);
    assertThat(out.quotes).hasSize(1);
    assertThat(out.quotes.get(0).getExchangeTimeUs()).isEqualTo(T0_US + 1_000);
    assertThat(out.quotes.get(0).getReceiveTimeUs()).isEqualTo(receiveUs(2));
    assertThat(out.quotes.get(0).getSequence()).isEqualTo(5L);
    assertThat(out.quotes.get(0).getBidSize()).isEqualTo(0.5);
  }

  @Test
  void badInputOfAnyKindIsADeadLetterWithItsBytes() {
    CoinbaseFeed subscribed = new CoinbaseFeed(out, STAGE, resyncs::add, Set.of("BTC-USD"));
    List<String> bad =
        List.of(
            "{\"type\":\"l2update\"",
            "\"hello\"",
            "{\"type\":\"rfq\"}",
            "{\"type\":\"error\",\"message\":\"Failed to subscribe\"}",
            match("match", 1, 2L, "sell").replace("BTC-USD", "ETH-USD"),
            match("match", 1, 2L, "sell").replace("\"2.5\"", "\"Infinity\""),
            snapshot(null, "100", "101").replace("\"1\"]", "\"-1\"]"));
    for (int i = 0; i < bad.size(); i++) {
      subscribed.onMessage(message(bad.get(i), i));
    }
    subscribed.onMessage(new RawMessage(new byte[] {(byte) 0xFF, 0x00}, 0, origin()));

    assertThat(out.deadLetters).hasSize(bad.size() + 1);
    assertThat(out.deadLetters)
        .extracting(DeadLetter::reason)
        .contains(
            "unknown message type 'rfq'",
            "error from Coinbase: Failed to subscribe",
            "match: unknown product 'ETH-USD'",
            "match: field 'price' is not a decimal: 'Infinity'",
            "snapshot: field 'bids' is not a decimal: '-1'");
    assertThat(out.deadLetters.subList(0, bad.size()))
        .extracting(DeadLetter::text, DeadLetter::atUs)
        .containsExactlyElementsOf(
            bad.stream().map(raw -> tuple(raw, receiveUs(bad.indexOf(raw)))).toList());
    assertThat(out.deadLetters).allMatch(letter -> letter.stage().equals(STAGE));
    assertThat(out.books).isEmpty();
    assertThat(out.trades).isEmpty();
    assertThat(out.received).isEmpty();
  }

  @Test
  void subscriptionsAndUnpublishedKindsAreReceivedButPublishNothing() {
    send(
        "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"level2\","
            + "\"product_ids\":[\"BTC-USD\"]}]}",
        0);
    send("{\"type\":\"done\",\"product_id\":\"BTC-USD\",\"reason\":\"filled\"}", 1);
    assertThat(out.received)
        .containsExactly(new Received(null, "subscriptions"), new Received(BTC, "done"));
    assertThat(out.ignored).containsExactly(new Ignored(BTC, "not published: done"));
    assertThat(out.all).isEmpty();

    feed.checkStale(receiveUs(0) + 60_000_000L, 30_000_000L);
    assertThat(out.statuses)
        .as("the subscribed product is watched from its subscription")
        .extracting(FeedStatus::getState)
        .containsExactly(FeedState.STALE);
  }

  // --- fixtures

  private void send(String json, long ms) {
    feed.onMessage(message(json, ms));
  }

  private RawMessage message(String json, long ms) {
    return RawMessage.of(json, receiveUs(ms) * 1_000L, origin());
  }

  private RecordOrigin origin() {
    return RecordOrigin.file("test", ++line);
  }

  /** Received 3 ms after the venue time {@code ms}. */
  private static long receiveUs(long ms) {
    return T0_US + ms * 1_000L + 3_000L;
  }

  private static String time(long ms) {
    return Instant.ofEpochSecond(0, (T0_US + ms * 1_000L) * 1_000L).toString();
  }

  private static String snapshot(Long sequence, String bid, String ask) {
    return "{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\","
        + (sequence == null ? "" : "\"sequence\":" + sequence + ",")
        + "\"bids\":[[\""
        + bid
        + "\",\"1\"]],\"asks\":[[\""
        + ask
        + "\",\"1\"]]}";
  }

  private static String l2update(Long sequence, String side, String price, String size, long ms) {
    return "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\","
        + (sequence == null ? "" : "\"sequence\":" + sequence + ",")
        + "\"changes\":[[\""
        + side
        + "\",\""
        + price
        + "\",\""
        + size
        + "\"]],\"time\":\""
        + time(ms)
        + "\"}";
  }

  private static String match(String type, long tradeId, long sequence, String makerSide) {
    return "{\"type\":\""
        + type
        + "\",\"trade_id\":"
        + tradeId
        + ",\"side\":\""
        + makerSide
        + "\",\"size\":\"0.1\",\"price\":\"2.5\",\"product_id\":\"BTC-USD\",\"sequence\":"
        + sequence
        + ",\"time\":\""
        + time(0)
        + "\"}";
  }

  private static String describe(Object record) {
    if (record instanceof BookUpdate update) {
      return update.getKind() + " " + update.getLastSequence();
    }
    if (record instanceof FeedStatus status) {
      return status.getState().toString();
    }
    return record.toString();
  }

  /** The book a consumer holds after applying {@code updates} alone. */
  private static List<List<BookLevel>> rebuilt(List<BookUpdate> updates) {
    OrderBook book = new OrderBook();
    updates.forEach(book::apply);
    return levels(book);
  }

  private static List<List<BookLevel>> levels(OrderBook book) {
    return List.of(book.bids(Integer.MAX_VALUE), book.asks(Integer.MAX_VALUE));
  }
}
