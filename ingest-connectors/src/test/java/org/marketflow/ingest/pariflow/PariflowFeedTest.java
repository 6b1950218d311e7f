package org.marketflow.ingest.pariflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.ingest.pariflow.EngineMessages.MAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.TAKER;
import static org.marketflow.ingest.pariflow.EngineMessages.TIME_US;
import static org.marketflow.ingest.pariflow.EngineMessages.YES;
import static org.marketflow.ingest.pariflow.EngineMessages.delta;
import static org.marketflow.ingest.pariflow.EngineMessages.level;
import static org.marketflow.ingest.pariflow.EngineMessages.levels;
import static org.marketflow.ingest.pariflow.EngineMessages.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.ingest.feed.CollectingOutput.DeadLetter;
import org.marketflow.ingest.feed.FeedTally;
import org.marketflow.ingest.feed.RawMessage;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.kafka.RecordOrigin;

/** The feed: trades, books kept in sync by sequence, and what it refuses. */
class PariflowFeedTest {

  private static final long RECEIVED_NS = 1_714_564_800_500_000_000L;
  private static final long RECEIVED_US = RECEIVED_NS / 1_000L;

  private final CollectingOutput out = new CollectingOutput();
  private final FeedTally tally = new FeedTally(out);
  private final List<String> resyncs = new ArrayList<>();
  private final PariflowFeed feed = new PariflowFeed(tally, "ingest.pariflow.test", resyncs::add);
  private long offset;

  @AfterEach
  void theEngineHasNoQuotes() {
    assertThat(out.quotes).isEmpty();
  }

  private void send(String json) {
    feed.onMessage(
        RawMessage.of(json, RECEIVED_NS, RecordOrigin.kafka("pariflow.engine.test", 0, offset++)));
  }

  @Test
  void publishesATradeWithNoUserIdInItsBytes() {
    send(EngineMessages.trade("t-1"));

    assertThat(out.trades).hasSize(1);
    Trade trade = out.trades.get(0);
    assertThat(trade.getInstrument()).isEqualTo(YES);
    assertThat(trade.getExchangeTimeUs()).isEqualTo(TIME_US);
    assertThat(trade.getReceiveTimeUs()).isEqualTo(RECEIVED_US);
    assertThat(trade.getTradeId()).isEqualTo("t-1");
    String avro = new String(AvroCodec.of(Trade.class).encode(trade), StandardCharsets.ISO_8859_1);
    assertThat(avro).contains("t-1").contains("ord-881").doesNotContain(MAKER, TAKER, "user-");
    assertThat(tally.total().messages()).isEqualTo(Map.of("trade", 1L));
  }

  @Test
  void dropsARepeatedTradeId() {
    send(EngineMessages.trade("t-1"));
    send(EngineMessages.trade("t-2"));
    send(EngineMessages.trade("t-1"));

    assertThat(out.trades).extracting(Trade::getTradeId).containsExactly("t-1", "t-2");
    assertThat(tally.ignored()).isEqualTo(Map.of("repeated trade", 1L));
    assertThat(tally.total().messages()).isEqualTo(Map.of("trade", 3L));
  }

  @Test
  void forgetsTheOldestTradeIdsBeyondItsMemory() {
    PariflowFeed small = new PariflowFeed(out, "s", resyncs::add, 2);
    for (String id : List.of("a", "b", "c", "a", "c")) {
      small.onMessage(
          RawMessage.of(EngineMessages.trade(id), RECEIVED_NS, RecordOrigin.file("f", 1)));
    }
    // "a" was forgotten when "c" came, so its repeat passes; "c" is still known
    assertThat(out.trades).extracting(Trade::getTradeId).containsExactly("a", "b", "c", "a");
  }

  @Test
  void turnsABadTradeIntoADeadLetterWithItsOriginAndNoUserId() {
    send(EngineMessages.trade("t-1", "YES", "1.5", "10"));

    assertThat(out.trades).isEmpty();
    assertThat(out.deadLetters).hasSize(1);
    DeadLetter letter = out.deadLetters.get(0);
    assertThat(letter.stage()).isEqualTo("ingest.pariflow.test");
    assertThat(letter.reason())
        .isEqualTo(
            "trade: field 'price' is outside [0.01, 0.99]: 1.5"
                + " [2 value(s) of fields outside the engine format removed]");
    assertThat(letter.origin()).isEqualTo(RecordOrigin.kafka("pariflow.engine.test", 0, 0));
    assertThat(letter.atUs()).isEqualTo(RECEIVED_US);
    String raw = letter.text();
    assertThat(raw)
        .isEqualTo(
            EngineMessages.trade("t-1", "YES", "1.5", "10")
                .replace("\"" + MAKER + "\"", "\"<removed>\"")
                .replace("\"" + TAKER + "\"", "\"<removed>\""));
    assertThat(tally.deadLetters()).isEqualTo(1);
  }

  @Test
  void aDeadLetterOfMalformedJsonKeepsNothingPastTheBreak() {
    String broken =
        "{\"id\":\"t-9\",\"price\":0.5,\"takerUserId\":"
            + TAKER
            + ",\"makerUserId\":\""
            + MAKER
            + "\"}";

    send(broken);

    DeadLetter letter = out.deadLetters.get(0);
    assertThat(letter.reason()).startsWith("invalid JSON [").doesNotContain(TAKER, MAKER, "user-");
    assertThat(letter.text()).isEqualTo("{\"id\":\"t-9\",\"price\":0.5").doesNotContain("user-");
  }

  @Test
  void publishesSnapshotAndDeltasWithOrderCountsAndTheirSequences() {
    send(snapshot(10, levels(level(0.6, 100, 3)), levels(level(0.62, 80, 2))));
    send(delta(11, levels(level(0.61, 40, 1)), levels()));
    send(delta(12, levels(level(0.6, 0, 0)), levels(level(0.62, 30, 1))));

    assertThat(out.books)
        .extracting(
            BookUpdate::getKind,
            BookUpdate::getFirstSequence,
            BookUpdate::getLastSequence,
            BookUpdate::getPreviousSequence)
        .containsExactly(
            tuple(BookUpdateKind.SNAPSHOT, null, 10L, null),
            tuple(BookUpdateKind.DELTA, 11L, 11L, 10L),
            tuple(BookUpdateKind.DELTA, 12L, 12L, 11L));
    BookUpdate first = out.books.get(0);
    assertThat(first.getInstrument()).isEqualTo(YES);
    assertThat(first.getExchangeTimeUs()).isEqualTo(TIME_US);
    assertThat(first.getReceiveTimeUs()).isEqualTo(RECEIVED_US);
    assertThat(first.getBids()).containsExactly(new BookLevel(0.6, 100.0, 3));
    assertThat(out.books.get(2).getAsks()).containsExactly(new BookLevel(0.62, 30.0, 1));
    assertThat(feed.book(YES).bids(10)).containsExactly(new BookLevel(0.61, 40.0, null));
    assertThat(out.statuses).isEmpty();
    assertThat(tally.total().messages()).isEqualTo(Map.of("snapshot", 1L, "delta", 2L));
  }

  @Test
  void aDroppedSequenceIsAGapThatWaitsForTheRequestedSnapshot() {
    send(snapshot(10, levels(level(0.6, 100, 3)), levels(level(0.62, 80, 2))));
    send(delta(11, levels(level(0.61, 40, 1)), levels()));
    send(delta(13, levels(level(0.59, 5, 1)), levels())); // 12 is missing
    send(delta(14, levels(level(0.58, 5, 1)), levels()));

    assertThat(out.books).hasSize(2);
    assertThat(out.statuses)
        .extracting(
            FeedStatus::getInstrument,
            FeedStatus::getState,
            FeedStatus::getExpectedSequence,
            FeedStatus::getReceivedSequence)
        .containsExactly(tuple(YES, FeedState.GAP, 12L, 13L));
    assertThat(resyncs).containsExactly("evt-2024-election:out-7:YES");
    assertThat(feed.isSynced(YES)).isFalse();
    assertThat(feed.book(YES).depth()).isZero();

    send(snapshot(14, levels(level(0.58, 5, 1)), levels(level(0.62, 80, 2))));
    send(delta(15, levels(level(0.57, 1, 1)), levels()));

    assertThat(out.books)
        .extracting(BookUpdate::getKind, BookUpdate::getLastSequence)
        .containsExactly(
            tuple(BookUpdateKind.SNAPSHOT, 10L),
            tuple(BookUpdateKind.DELTA, 11L),
            tuple(BookUpdateKind.SNAPSHOT, 14L),
            tuple(BookUpdateKind.DELTA, 15L));
    assertThat(out.statuses)
        .extracting(FeedStatus::getState, FeedStatus::getReceivedSequence)
        .containsExactly(tuple(FeedState.GAP, 13L), tuple(FeedState.RESYNCED, 14L));
    assertThat(resyncs).hasSize(1);
  }

  @Test
  void aBookRebuiltFromThePublishedUpdatesIsTheFeedsBook() {
    send(
        snapshot(
            1,
            levels(level(0.55, 10, 1), level(0.5, 20, 2)),
            levels(level(0.6, 5, 1), level(0.7, 7, 3))));
    send(delta(2, levels(level(0.56, 3, 1)), levels(level(0.6, 0, 0))));
    send(delta(3, levels(level(0.5, 25, 3)), levels(level(0.65, 9, 2))));
    send(delta(5, levels(level(0.4, 1, 1)), levels())); // a gap: not published
    send(snapshot(5, levels(level(0.56, 3, 1), level(0.4, 1, 1)), levels(level(0.65, 9, 2))));
    send(delta(6, levels(level(0.57, 2, 1)), levels(level(0.66, 4, 1))));

    OrderBook rebuilt = new OrderBook();
    out.books.forEach(rebuilt::apply);

    OrderBook handlers = feed.book(YES);
    assertThat(rebuilt.bids(100)).isEqualTo(handlers.bids(100)).hasSize(3);
    assertThat(rebuilt.asks(100)).isEqualTo(handlers.asks(100)).hasSize(2);
  }

  @Test
  void aDeltaBeforeAnySnapshotIsIgnoredAndASnapshotRequestedOnce() {
    send(delta(7, levels(level(0.5, 1, 1)), levels()));
    send(delta(8, levels(level(0.5, 2, 1)), levels()));

    assertThat(out.books).isEmpty();
    assertThat(out.statuses).isEmpty();
    assertThat(resyncs).containsExactly("evt-2024-election:out-7:YES");
    assertThat(tally.ignored()).isEqualTo(Map.of("delta before a snapshot", 2L));

    send(snapshot(8, levels(level(0.5, 2, 1)), levels()));
    assertThat(out.books).extracting(BookUpdate::getKind).containsExactly(BookUpdateKind.SNAPSHOT);
    assertThat(out.statuses).isEmpty(); // nothing was published before: nothing to resync
  }

  @Test
  void aRepeatedDeltaIsIgnored() {
    send(snapshot(10, levels(level(0.6, 100, 3)), levels()));
    send(delta(11, levels(level(0.61, 40, 1)), levels()));
    send(delta(11, levels(level(0.61, 40, 1)), levels()));
    send(delta(9, levels(level(0.2, 40, 1)), levels()));

    assertThat(out.books).hasSize(2);
    assertThat(out.statuses).isEmpty();
    assertThat(tally.ignored()).isEqualTo(Map.of("repeated delta", 2L));
  }

  @Test
  void aDeltaThatCrossesTheBookIsAGap() {
    send(snapshot(10, levels(level(0.6, 100, 3)), levels(level(0.62, 80, 2))));
    send(delta(11, levels(level(0.63, 1, 1)), levels()));

    assertThat(out.books).hasSize(1);
    assertThat(out.statuses)
        .extracting(
            FeedStatus::getState,
            FeedStatus::getExpectedSequence,
            FeedStatus::getReceivedSequence,
            FeedStatus::getDetail)
        .containsExactly(tuple(FeedState.GAP, 11L, 11L, "the delta crosses the book"));
    assertThat(resyncs).hasSize(1);
  }

  @Test
  void aBadBookChangeIsADeadLetterAndTheNextDeltaAGap() {
    send(snapshot(10, levels(level(0.6, 100, 3)), levels()));
    send(delta(11, levels(level(0.6, Double.NaN, 1)), levels()).replace("NaN", "\"NaN\""));
    send(delta(12, levels(level(0.6, 90, 3)), levels()));

    assertThat(out.deadLetters)
        .extracting(DeadLetter::reason)
        .containsExactly("book change: field 'amount' is not a number");
    assertThat(out.statuses)
        .extracting(FeedStatus::getState, FeedStatus::getExpectedSequence)
        .containsExactly(tuple(FeedState.GAP, 11L));
  }

  @Test
  void connectionChangesAndSilenceReachEveryInstrumentSeen() {
    send(snapshot(1, levels(level(0.6, 100, 3)), levels()));
    send(EngineMessages.trade("t-1", "NO", "0.4", "3"));

    feed.checkStale(RECEIVED_US + 59_000_000L, 60_000_000L);
    assertThat(out.statuses).isEmpty();
    feed.checkStale(RECEIVED_US + 61_000_000L, 60_000_000L);
    feed.checkStale(RECEIVED_US + 62_000_000L, 60_000_000L);
    feed.disconnected(RECEIVED_US + 63_000_000L, "bridge stopped");

    assertThat(out.statuses)
        .extracting(FeedStatus::getInstrument, FeedStatus::getState)
        .containsExactlyInAnyOrder(
            tuple(YES, FeedState.STALE),
            tuple(EngineMessages.NO, FeedState.STALE),
            tuple(YES, FeedState.DISCONNECTED),
            tuple(EngineMessages.NO, FeedState.DISCONNECTED));
    assertThat(feed.isSynced(YES)).isFalse();

    feed.connected(RECEIVED_US + 64_000_000L);
    send(snapshot(5, levels(level(0.6, 100, 3)), levels()));
    assertThat(out.statuses)
        .extracting(FeedStatus::getState)
        .endsWith(FeedState.CONNECTED, FeedState.CONNECTED, FeedState.RESYNCED);
  }
}
