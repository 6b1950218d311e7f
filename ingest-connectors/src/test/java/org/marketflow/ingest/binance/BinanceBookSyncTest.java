package org.marketflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.BookOutput;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

/** Binance's sync rules on small, hand-made sequences. */
class BinanceBookSyncTest {

  private final List<BookUpdate> updates = new ArrayList<>();
  private final List<FeedStatus> statuses = new ArrayList<>();
  private final BookOutput out =
      new BookOutput() {
        @Override
        public void book(BookUpdate update) {
          updates.add(update);
        }

        @Override
        public void status(FeedStatus status) {
          statuses.add(status);
        }
      };

  private static BinanceMessage.DepthDiff diff(long first, long last, Long previous, double bid) {
    return new BinanceMessage.DepthDiff(
        "BTCUSDT",
        first,
        last,
        previous,
        1_000L,
        List.of(new BookLevel(bid, 1.0, null)),
        List.of());
  }

  private static BinanceMessage.DepthSnapshot snapshot(long lastUpdateId, double bid) {
    return new BinanceMessage.DepthSnapshot(
        lastUpdateId,
        null,
        List.of(new BookLevel(bid, 2.0, null)),
        List.of(new BookLevel(bid + 1, 2.0, null)));
  }

  @Test
  void spotBuffersUntilTheSnapshotThenAppliesWhatFollowsIt() {
    BinanceBookSync sync = new BinanceBookSync("BINANCE:BTCUSDT", BinanceBookSync.Market.SPOT);
    sync.onDiff(diff(90, 99, null, 9), 0, out); // older than the snapshot: dropped
    sync.onDiff(diff(100, 105, null, 10), 0, out); // U <= 101 <= u: the first applied
    sync.onDiff(diff(106, 110, null, 11), 0, out);
    assertThat(updates).isEmpty();

    sync.onSnapshot(snapshot(100, 5), 7, out);

    assertThat(updates)
        .extracting(BookUpdate::getKind, BookUpdate::getLastSequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BookUpdateKind.SNAPSHOT, 100L),
            org.assertj.core.groups.Tuple.tuple(BookUpdateKind.DELTA, 105L),
            org.assertj.core.groups.Tuple.tuple(BookUpdateKind.DELTA, 110L));
    assertThat(sync.lastUpdateId()).isEqualTo(110);
    assertThat(sync.book().bestBid().getPrice()).isEqualTo(11.0);
    assertThat(statuses).isEmpty();
  }

  @Test
  void spotReportsAGapPublishesNothingUntilTheNextSnapshotThenResyncs() {
    BinanceBookSync sync = new BinanceBookSync("BINANCE:BTCUSDT", BinanceBookSync.Market.SPOT);
    sync.onSnapshot(snapshot(100, 5), 0, out);
    sync.onDiff(diff(101, 105, null, 10), 0, out);
    sync.onDiff(diff(107, 110, null, 11), 0, out); // 106 is missing
    sync.onDiff(diff(111, 115, null, 12), 0, out);

    assertThat(statuses).hasSize(1);
    FeedStatus gap = statuses.get(0);
    assertThat(gap.getState()).isEqualTo(FeedState.GAP);
    assertThat(gap.getExpectedSequence()).isEqualTo(106L);
    assertThat(gap.getReceivedSequence()).isEqualTo(107L);
    assertThat(updates).hasSize(2); // the snapshot and the one good diff
    assertThat(sync.isSynced()).isFalse();
    assertThat(sync.book().depth()).isZero();

    sync.onSnapshot(snapshot(112, 20), 0, out); // diff 111-115 covers 113: applied after it

    assertThat(statuses)
        .extracting(FeedStatus::getState)
        .containsExactly(FeedState.GAP, FeedState.RESYNCED);
    assertThat(updates)
        .extracting(BookUpdate::getKind, BookUpdate::getLastSequence)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple(BookUpdateKind.SNAPSHOT, 112L),
            org.assertj.core.groups.Tuple.tuple(BookUpdateKind.DELTA, 115L));
    assertThat(sync.gaps()).isEqualTo(1);
  }

  @Test
  void futuresChainDiffsByThePreviousUpdateId() {
    BinanceBookSync sync = new BinanceBookSync("BINANCE_USDM:BTCUSDT", BinanceBookSync.Market.USDM);
    sync.onSnapshot(snapshot(100, 5), 0, out);
    sync.onDiff(diff(95, 99, 90L, 9), 0, out); // u < lastUpdateId: dropped
    sync.onDiff(diff(98, 100, 94L, 10), 0, out); // U <= 100 <= u: the first applied
    sync.onDiff(diff(101, 104, 100L, 11), 0, out); // pu == previous u
    sync.onDiff(diff(106, 108, 105L, 12), 0, out); // pu 105 != 104: a gap

    assertThat(updates).extracting(BookUpdate::getLastSequence).containsExactly(100L, 100L, 104L);
    assertThat(statuses).hasSize(1);
    assertThat(statuses.get(0).getExpectedSequence()).isEqualTo(104L);
    assertThat(statuses.get(0).getReceivedSequence()).isEqualTo(105L);
  }

  @Test
  void aFirstDiffThatDoesNotCoverTheSnapshotIsAGap() {
    BinanceBookSync sync = new BinanceBookSync("BINANCE:BTCUSDT", BinanceBookSync.Market.SPOT);
    sync.onSnapshot(snapshot(100, 5), 0, out);
    sync.onDiff(diff(103, 105, null, 10), 0, out);
    assertThat(statuses).extracting(FeedStatus::getState).containsExactly(FeedState.GAP);
    assertThat(statuses.get(0).getDetail()).isEqualTo("first diff does not cover the snapshot");
    assertThat(statuses.get(0).getExpectedSequence()).isEqualTo(101L);
  }

  @Test
  void theBookUpdatesAloneRebuildTheBook() {
    BinanceBookSync sync = new BinanceBookSync("BINANCE:BTCUSDT", BinanceBookSync.Market.SPOT);
    sync.onSnapshot(snapshot(100, 5), 0, out);
    sync.onDiff(diff(101, 102, null, 6), 0, out);
    OrderBook replica = new OrderBook();
    updates.forEach(replica::apply);
    assertThat(replica.bids(10)).isEqualTo(sync.book().bids(10));
    assertThat(replica.asks(10)).isEqualTo(sync.book().asks(10));
  }
}
