package org.marketflow.jobs.microstructure.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.marketflow.jobs.microstructure.functions.Events.BTC;
import static org.marketflow.jobs.microstructure.functions.Events.T0;
import static org.marketflow.jobs.microstructure.functions.Events.at;
import static org.marketflow.jobs.microstructure.functions.Events.delta;
import static org.marketflow.jobs.microstructure.functions.Events.levels;
import static org.marketflow.jobs.microstructure.functions.Events.ms;
import static org.marketflow.jobs.microstructure.functions.Events.snapshot;
import static org.marketflow.jobs.microstructure.functions.Events.status;
import static org.marketflow.jobs.microstructure.functions.Events.trade;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.metrics.Spreads;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.schemas.avro.AvroCodec;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookStatusCause;
import org.marketflow.schemas.avro.BookSyncState;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.TickSource;
import org.marketflow.schemas.book.BookChecksum;

/** {@link BookProcessor} driven event by event and watermark by watermark. */
class BookProcessorTest {

  private static final List<BookLevel> BIDS = levels(100.0, 1.0, 99.0, 2.0);
  private static final List<BookLevel> ASKS = levels(101.0, 1.0, 102.0, 2.0);
  private static final List<BookLevel> NONE = List.of();

  private BookHarness books;

  @BeforeEach
  void open() throws Exception {
    books = new BookHarness();
  }

  @AfterEach
  void close() throws Exception {
    books.close();
  }

  @Test
  void aSnapshotSyncsTheBookOnceTheWatermarkPassesIt() throws Exception {
    books.send(snapshot(at(100), 100L, BIDS, ASKS)).watermark(ms(99));
    assertThat(books.ticks()).isEmpty();
    assertThat(books.side(BookProcessor.BOOK_STATUS)).isEmpty();

    books.watermark(ms(100));

    assertThat(books.side(BookProcessor.BOOK_STATUS))
        .containsExactly(
            BookStatus.newBuilder()
                .setInstrument(BTC)
                .setEventTimeUs(at(100))
                .setState(BookSyncState.SYNCED)
                .setCause(BookStatusCause.SNAPSHOT)
                .setLastSequence(100L)
                .build());
    OrderBookSnapshot snapshot = books.side(BookProcessor.SNAPSHOTS).get(0);
    assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.RESYNC);
    assertThat(snapshot.getSnapshotTimeUs()).isEqualTo(at(100));
    assertThat(snapshot.getBids()).isEqualTo(BIDS);
    assertThat(snapshot.getAsks()).isEqualTo(ASKS);
    assertThat(snapshot.getDepthLevels()).isEqualTo(5);
    assertThat(snapshot.getBookBidLevels()).isEqualTo(2);
    assertThat(snapshot.getChecksum()).isEqualTo(BookChecksum.of(BIDS, ASKS));
    assertThat(books.ticks())
        .containsExactly(
            MarketTick.newBuilder()
                .setInstrument(BTC)
                .setVenue("BINANCE")
                .setExchangeTimeUs(at(100))
                .setTickIndex(0)
                .setSource(TickSource.BOOK)
                .setSequence(100L)
                .setLatencyUs(Events.LATENCY_US)
                .setBid(100.0)
                .setAsk(101.0)
                .setBidSize(1.0)
                .setAskSize(1.0)
                .setVolume(0.0)
                .build());
  }

  @Test
  void appliesEventsByTimeThenBookBeforeTradeWhateverTheirArrivalOrder() throws Exception {
    books
        .send(snapshot(at(100), 100L, BIDS, ASKS))
        .send(
            trade(at(300), 1, 101.0, 0.5, Side.BUY),
            delta(at(200), 101, 101, levels(100.0, 2.0), NONE),
            delta(at(300), 102, 102, levels(100.0, 3.0), NONE))
        .watermark(ms(1_000));

    assertThat(books.ticks())
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getTickIndex, MarketTick::getSource)
        .containsExactly(
            tuple(at(100), 0, TickSource.BOOK),
            tuple(at(200), 0, TickSource.BOOK),
            tuple(at(300), 0, TickSource.BOOK),
            tuple(at(300), 1, TickSource.TRADE));
    MarketTick last = books.ticks().get(3);
    assertThat(last.getBidSize()).isEqualTo(3.0);
    assertThat(last.getLastPrice()).isEqualTo(101.0);
    assertThat(last.getVolume()).isEqualTo(0.5);
    assertThat(books.side(BookProcessor.DEAD_LETTERS)).isEmpty();
  }

  @Test
  void aSequenceGapDropsTheBookUntilTheNextSnapshot() throws Exception {
    InstrumentEvent afterGap = delta(at(400), 107, 107, levels(100.0, 5.0), NONE);
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(200), 101, 101, levels(100.0, 2.0), NONE),
            delta(at(300), 105, 106, levels(100.0, 4.0), NONE),
            afterGap,
            trade(at(500), 1, 101.0, 0.5, Side.BUY),
            snapshot(at(1_500), 200L, BIDS, ASKS),
            trade(at(1_600), 2, 100.0, 0.25, Side.SELL))
        .watermark(ms(2_999));

    assertThat(books.side(BookProcessor.BOOK_STATUS))
        .extracting(
            BookStatus::getEventTimeUs,
            BookStatus::getState,
            BookStatus::getCause,
            BookStatus::getLastSequence,
            BookStatus::getDetail)
        .containsExactly(
            tuple(at(100), BookSyncState.SYNCED, BookStatusCause.SNAPSHOT, 100L, null),
            tuple(
                at(300),
                BookSyncState.UNSYNCED,
                BookStatusCause.SEQUENCE_GAP,
                101L,
                "expected first sequence 102, received 105"),
            tuple(at(1_500), BookSyncState.SYNCED, BookStatusCause.SNAPSHOT, 200L, null));
    DeadLetter letter = books.side(BookProcessor.DEAD_LETTERS).get(0);
    assertThat(books.side(BookProcessor.DEAD_LETTERS)).hasSize(1);
    assertThat(letter.getStage()).isEqualTo("jobs-microstructure.book");
    assertThat(letter.getReason())
        .isEqualTo("delta for an unsynced book (waiting for the next snapshot)");
    assertThat(letter.getSourceOffset()).isEqualTo(afterGap.offset);
    assertThat(letter.getRejectedAtUs()).isEqualTo(at(400));

    // nothing derived from the dropped book: no tick at 300-500, no second 0, no interval snapshot
    assertThat(books.ticks())
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getSource)
        .containsExactly(
            tuple(at(100), TickSource.BOOK),
            tuple(at(200), TickSource.BOOK),
            tuple(at(1_500), TickSource.BOOK),
            tuple(at(1_600), TickSource.TRADE));
    assertThat(books.ticks().get(3).getVolume()).isEqualTo(0.75); // the unsynced trade counts
    assertThat(books.side(BookProcessor.MICROSTRUCTURE))
        .extracting(MarketMicrostructure::getBucketStartUs, MarketMicrostructure::getTradeCount)
        .containsExactly(tuple(T0 + 1_000_000, 1L));
    assertThat(books.side(BookProcessor.SNAPSHOTS))
        .extracting(OrderBookSnapshot::getSnapshotTimeUs, OrderBookSnapshot::getReason)
        .containsExactly(
            tuple(at(100), SnapshotReason.RESYNC), tuple(at(1_500), SnapshotReason.RESYNC));
  }

  @Test
  void aFeedGapDisconnectionOrChecksumMismatchDropsTheBookButStaleDoesNot() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            status(at(150), FeedState.STALE),
            status(at(200), FeedState.CHECKSUM_MISMATCH),
            status(at(250), FeedState.GAP),
            snapshot(at(300), 300L, BIDS, ASKS),
            status(at(400), FeedState.DISCONNECTED))
        .watermark(ms(999));

    assertThat(books.side(BookProcessor.BOOK_STATUS))
        .extracting(BookStatus::getEventTimeUs, BookStatus::getState, BookStatus::getCause)
        .containsExactly(
            tuple(at(100), BookSyncState.SYNCED, BookStatusCause.SNAPSHOT),
            tuple(at(200), BookSyncState.UNSYNCED, BookStatusCause.FEED_CHECKSUM_MISMATCH),
            tuple(at(300), BookSyncState.SYNCED, BookStatusCause.SNAPSHOT),
            tuple(at(400), BookSyncState.UNSYNCED, BookStatusCause.FEED_DISCONNECTED));
    assertThat(books.side(BookProcessor.MICROSTRUCTURE)).isEmpty(); // unsynced at the second's end
  }

  @Test
  void aDeltaThatCrossesTheBookDropsIt() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS), delta(at(200), 101, 101, levels(101.5, 1.0), NONE))
        .watermark(ms(999));

    BookStatus dropped = books.side(BookProcessor.BOOK_STATUS).get(1);
    assertThat(dropped.getCause()).isEqualTo(BookStatusCause.CROSSED_BOOK);
    assertThat(dropped.getDetail())
        .isEqualTo("crossed after the delta: best bid 101.5 is not below best ask 101.0");
    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getReason)
        .containsExactly("crossed after the delta: best bid 101.5 is not below best ask 101.0");
    assertThat(books.ticks()).hasSize(1);
  }

  @Test
  void aCrossedSnapshotIsADeadLetterAndSyncsNothing() throws Exception {
    books.send(snapshot(at(100), 100L, levels(101.5, 1.0), ASKS)).watermark(ms(999));

    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getReason)
        .containsExactly("the snapshot is crossed: best bid 101.5 is not below best ask 101.0");
    assertThat(books.side(BookProcessor.BOOK_STATUS)).as("never synced: nothing to drop").isEmpty();
    assertThat(books.ticks()).isEmpty();
  }

  @Test
  void anInvalidLevelIsADeadLetterAndDropsTheBook() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(200), 101, 101, levels(Double.NaN, 1.0), NONE))
        .watermark(ms(999));

    DeadLetter letter = books.side(BookProcessor.DEAD_LETTERS).get(0);
    assertThat(letter.getReason()).isEqualTo("invalid level: BID level 0: price NaN is not finite");
    assertThat(books.side(BookProcessor.BOOK_STATUS).get(1).getCause())
        .isEqualTo(BookStatusCause.OTHER);
  }

  @Test
  void aBookUpdateWhoseBytesDoNotDecodeIsADeadLetterAndLeavesItsGap() throws Exception {
    AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);
    InstrumentEvent whole = delta(at(200), 101, 101, levels(100.0, 2.0), NONE);
    byte[] avro = codec.encode(whole.book);
    byte[] cut = Arrays.copyOf(avro, avro.length - 3);
    InstrumentEvent cutShort =
        InstrumentEvent.of(
            new EncodedBookUpdate(BTC, at(200), at(200) + 500, cut), 1, whole.offset);
    // Stamped before the snapshot that arrives ahead of it, it applies at the snapshot's time.
    books
        .send(
            snapshot(at(250), 100L, BIDS, ASKS),
            cutShort,
            delta(at(300), 102, 102, levels(100.0, 3.0), NONE))
        .watermark(ms(999));

    DeadLetter letter = books.side(BookProcessor.DEAD_LETTERS).get(0);
    assertThat(books.side(BookProcessor.DEAD_LETTERS)).hasSize(1);
    assertThat(letter.getStage()).isEqualTo("jobs-microstructure.decode");
    assertThat(letter.getReason()).startsWith("not an Avro BookUpdate: ");
    assertThat(letter.getSourcePartition()).isEqualTo(1);
    assertThat(letter.getSourceOffset()).isEqualTo(whole.offset);
    assertThat(letter.getRejectedAtUs()).isEqualTo(at(200)); // its own time, not when it applied
    assertThat(letter.getRaw()).isEqualTo(java.nio.ByteBuffer.wrap(cut));
    // The update is missing from the book: the next delta finds the gap.
    assertThat(books.side(BookProcessor.BOOK_STATUS))
        .extracting(BookStatus::getState, BookStatus::getDetail)
        .containsExactly(
            tuple(BookSyncState.SYNCED, null),
            tuple(
                BookSyncState.UNSYNCED,
                "the first delta after the snapshot starts at 102, after the snapshot's 100 + 1"));
  }

  @Test
  void aRejectedUpdateReadFromKafkaIsADeadLetterOfTheBytesItWasReadAs() throws Exception {
    AvroCodec<BookUpdate> codec = AvroCodec.of(BookUpdate.class);
    InstrumentEvent repeated = delta(at(300), 101, 101, levels(100.0, 2.0), NONE);
    InstrumentEvent fromKafka =
        InstrumentEvent.of(EncodedBookUpdate.of(repeated.book, codec), 0, repeated.offset);
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(200), 101, 101, levels(100.0, 2.0), NONE),
            fromKafka)
        .watermark(ms(999));

    DeadLetter letter = books.side(BookProcessor.DEAD_LETTERS).get(0);
    assertThat(letter.getStage()).isEqualTo("jobs-microstructure.book");
    assertThat(letter.getRaw()).isEqualTo(java.nio.ByteBuffer.wrap(fromKafka.bookAvro));
    assertThat(letter.getRejectedAtUs()).isEqualTo(at(300));
  }

  @Test
  void aRepeatedDeltaIsADeadLetterAndTheBookStaysSynced() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(200), 101, 101, levels(100.0, 2.0), NONE),
            delta(at(300), 101, 101, levels(100.0, 2.0), NONE),
            delta(at(400), 102, 102, levels(100.0, 3.0), NONE))
        .watermark(ms(999));

    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getReason)
        .containsExactly(
            "delta up to sequence 101 repeats what the book holds (last sequence 101)");
    assertThat(books.side(BookProcessor.BOOK_STATUS)).hasSize(1);
    assertThat(books.ticks()).extracting(MarketTick::getBidSize).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void followsFuturesPreviousSequencesAndTheFirstDeltaOverlappingTheSnapshot() throws Exception {
    books
        .send(
            snapshot(at(100), 1_000L, BIDS, ASKS),
            futures(at(200), 990, 1_005, 989, 2.0),
            futures(at(300), 1_006, 1_010, 1_005, 3.0),
            futures(at(400), 1_011, 1_012, 1_009, 4.0))
        .watermark(ms(999));

    assertThat(books.ticks()).extracting(MarketTick::getBidSize).containsExactly(1.0, 2.0, 3.0);
    assertThat(books.side(BookProcessor.BOOK_STATUS).get(1).getDetail())
        .isEqualTo("expected previous sequence 1010, received 1009");
  }

  private static InstrumentEvent futures(
      long timeUs, long first, long last, long previous, double bidSize) {
    return Events.book(
        BookUpdateKind.DELTA, BTC, timeUs, first, last, previous, levels(100.0, bidSize), NONE);
  }

  @Test
  void aDeltaBeforeAnySnapshotIsADeadLetterAndTheInstrumentIsForgottenWhenIdle() throws Exception {
    books.send(delta(at(100), 1, 1, levels(100.0, 1.0), NONE)).watermark(ms(999));

    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getReason)
        .containsExactly("delta for a book that has had no snapshot");
    assertThat(books.harness.numEventTimeTimers()).isEqualTo(1); // the clean-up

    books.watermark(ms(100 + 10 * 60_000 - 1));
    assertThat(books.harness.numKeyedStateEntries()).isPositive();
    books.watermark(ms(100 + 10 * 60_000));
    assertThat(books.harness.numKeyedStateEntries()).isZero();
    assertThat(books.harness.numEventTimeTimers()).isZero();
  }

  @Test
  void anIdleSyncedBookIsForgottenWithoutAStatusAndComesBackWithASnapshot() throws Exception {
    books.send(snapshot(at(100), 100L, BIDS, ASKS)).watermark(ms(30 * 60_000));
    assertThat(books.harness.numKeyedStateEntries()).isZero();

    books
        .send(delta(at(31 * 60_000), 101, 101, levels(100.0, 2.0), NONE))
        .send(snapshot(at(31 * 60_000 + 1), 200L, BIDS, ASKS))
        .watermark(ms(32 * 60_000));

    assertThat(books.side(BookProcessor.BOOK_STATUS))
        .extracting(BookStatus::getEventTimeUs, BookStatus::getState)
        .containsExactly(
            tuple(at(100), BookSyncState.SYNCED), tuple(at(31 * 60_000 + 1), BookSyncState.SYNCED));
    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getReason)
        .containsExactly("delta for a book that has had no snapshot");
  }

  @Test
  void eventsKeepTheClockMovingTheCleanUpOn() throws Exception {
    books
        .send(snapshot(at(100), 100L, BIDS, ASKS))
        .watermark(ms(9 * 60_000))
        .send(delta(at(9 * 60_000 + 1), 101, 101, levels(100.0, 2.0), NONE))
        .watermark(ms(15 * 60_000));

    assertThat(books.side(BookProcessor.BOOK_STATUS)).hasSize(1);
    assertThat(books.harness.numKeyedStateEntries()).isPositive();
  }

  @Test
  void aLateTradeIsADeadLetterAndALateBookUpdateIsAppliedAtTheWatermark() throws Exception {
    books.send(snapshot(at(100), 100L, BIDS, ASKS)).watermark(ms(1_000));

    InstrumentEvent lateTrade = trade(at(900), 7, 101.0, 1.0, Side.BUY);
    books.send(lateTrade, delta(at(950), 101, 101, levels(100.0, 2.0), NONE)).watermark(ms(1_001));

    DeadLetter letter = books.side(BookProcessor.DEAD_LETTERS).get(0);
    assertThat(letter.getStage()).isEqualTo("jobs-microstructure.late");
    assertThat(letter.getSourceTopic()).isEqualTo("md.normalized.trades");
    assertThat(letter.getSourceOffset()).isEqualTo(lateTrade.offset);
    assertThat(books.ticks())
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getBidSize, MarketTick::getLatencyUs)
        .containsExactly(tuple(at(100), 1.0, 500L), tuple(at(1_001), 2.0, 500L));
  }

  @Test
  void aBookUpdateStampedBeforeThePreviousOneTakesEffectAfterIt() throws Exception {
    // Binance: diffs buffered before a REST snapshot stamped with its receive time follow it
    books
        .send(
            snapshot(at(500), 100L, BIDS, ASKS),
            delta(at(300), 99, 101, levels(100.0, 2.0), NONE),
            delta(at(400), 102, 102, levels(100.0, 3.0), NONE))
        .watermark(ms(999));

    assertThat(books.side(BookProcessor.DEAD_LETTERS)).isEmpty();
    assertThat(books.ticks())
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getTickIndex, MarketTick::getBidSize)
        .containsExactly(tuple(at(500), 0, 1.0), tuple(at(500), 1, 2.0), tuple(at(500), 2, 3.0));
  }

  @Test
  void publishesEachSecondWithEventsFromTheBookAtItsEndAndItsTrades() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            trade(at(200), 1, 101.0, 0.5, Side.BUY),
            delta(at(300), 101, 101, NONE, levels(101.0, 0.5)),
            delta(at(2_100), 102, 102, levels(100.5, 1.0), NONE))
        .watermark(ms(2_998));
    assertThat(books.side(BookProcessor.MICROSTRUCTURE)).hasSize(1);

    books.watermark(ms(2_999));

    List<MarketMicrostructure> seconds = books.side(BookProcessor.MICROSTRUCTURE);
    assertThat(seconds)
        .extracting(MarketMicrostructure::getBucketStartUs)
        .containsExactly(T0, T0 + 2_000_000);
    MarketMicrostructure first = seconds.get(0);
    double spread = Spreads.quotedBps(100.0, 101.0);
    assertThat(first.getMidPrice()).isEqualTo(100.5);
    assertThat(first.getQuotedSpreadBps()).isEqualTo(spread);
    assertThat(first.getSpreadBps()).isEqualTo(spread, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.getEffectiveSpreadBps()).isEqualTo(Spreads.effectiveBps(101.0, 100.5));
    assertThat(first.getTradeCount()).isEqualTo(1);
    assertThat(first.getVolume()).isEqualTo(0.5);
    assertThat(first.getTickFrequency()).isEqualTo(3.0); // snapshot, trade, delta
    assertThat(first.getDepthAsk()).isZero(); // nothing within 10 bps of 100.5
    assertThat(first.getImbalance()).isNull(); // of the band depths, both 0
    assertThat(first.getDepthBidTop()).isEqualTo(3.0);
    assertThat(first.getDepthAskTop()).isEqualTo(2.5);

    MarketMicrostructure third = seconds.get(1);
    assertThat(third.getMidPrice()).isEqualTo(100.75);
    assertThat(third.getTradeCount()).isZero();
    assertThat(third.getEffectiveSpreadBps()).isNull();
    assertThat(third.getTickFrequency()).isEqualTo(1.0);
    double later = Spreads.quotedBps(100.5, 101.0);
    assertThat(third.getSpreadBps())
        .isCloseTo((spread * 100 + later * 900) / 1_000, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void publishesEachMinuteTheMeanLiquidityOfItsSyncedSeconds() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(1_100), 101, 101, levels(100.0, 3.0), NONE))
        .watermark(ms(59_998));
    assertThat(books.side(BookProcessor.LIQUIDITY)).isEmpty();

    books.watermark(ms(59_999));

    LiquidityMetrics minute = books.side(BookProcessor.LIQUIDITY).get(0);
    assertThat(minute.getBucketStartUs()).isEqualTo(T0);
    // within 100 bps of the mid 100.5: the bids at 100 (1 then 3), the ask at 101
    assertThat(minute.getBidLiquidityUsd()).isEqualTo((100.0 + 300.0) / 2);
    assertThat(minute.getAskLiquidityUsd()).isEqualTo(101.0);
    assertThat(minute.getTotalLiquidityUsd()).isEqualTo(200.0 + 101.0);
    assertThat(minute.getLiquidityScore()).isNull(); // fewer than 10 minutes of history
    assertThat(minute.getVpin()).isNull();
    assertThat(minute.getVpinWindowBuckets()).isEqualTo(50);
  }

  @Test
  void publishesTheBookAtTheEndOfEachIntervalInWhichItChanged() throws Exception {
    books
        .send(
            snapshot(at(100), 100L, BIDS, ASKS),
            delta(at(200), 101, 101, levels(100.0, 2.0), NONE),
            delta(at(300), 102, 102, levels(100.0, 3.0), NONE),
            delta(at(3_200), 103, 103, levels(100.0, 4.0), NONE))
        .watermark(ms(4_999));

    assertThat(books.side(BookProcessor.SNAPSHOTS))
        .extracting(
            OrderBookSnapshot::getSnapshotTimeUs,
            OrderBookSnapshot::getReason,
            OrderBookSnapshot::getLastUpdateTimeUs,
            OrderBookSnapshot::getLastSequence)
        .containsExactly(
            tuple(at(100), SnapshotReason.RESYNC, at(100), 100L),
            tuple(at(1_000), SnapshotReason.INTERVAL, at(300), 102L),
            tuple(at(4_000), SnapshotReason.INTERVAL, at(3_200), 103L));
    assertThat(books.side(BookProcessor.SNAPSHOTS).get(1).getBids())
        .isEqualTo(levels(100.0, 3.0, 99.0, 2.0));
  }

  @Test
  void restoredMidStreamItPublishesWhatAnUninterruptedRunDoes() throws Exception {
    List<InstrumentEvent> events =
        List.of(
            snapshot(at(100), 100L, BIDS, ASKS),
            trade(at(150), 1, 101.0, 0.5, Side.BUY),
            delta(at(700), 101, 101, levels(100.0, 2.0), NONE),
            trade(at(1_200), 2, 100.0, 1.0, Side.SELL),
            delta(at(1_300), 102, 102, NONE, levels(101.0, 3.0)),
            delta(at(2_300), 106, 106, levels(100.0, 4.0), NONE),
            snapshot(at(2_600), 200L, BIDS, ASKS),
            trade(at(2_700), 3, 101.0, 2.0, Side.BUY),
            delta(at(6_100), 201, 201, levels(99.5, 1.0), NONE),
            trade(at(61_000), 4, 100.0, 1.0, Side.SELL));
    long[] watermarks = {ms(500), ms(1_250), ms(2_999), ms(6_500), ms(120_000)};

    Outputs whole = new Outputs();
    try (BookHarness run = new BookHarness()) {
      feed(run, events, watermarks, 0, watermarks.length);
      whole.add(run);
    }
    Outputs resumed = new Outputs();
    OperatorSubtaskState state;
    try (BookHarness first = new BookHarness()) {
      feed(first, events, watermarks, 0, 3);
      resumed.add(first);
      state = first.snapshot();
    }
    try (BookHarness second = new BookHarness(BookHarness.SETTINGS, state)) {
      feed(second, events, watermarks, 3, watermarks.length);
      resumed.add(second);
    }

    assertThat(whole.ticks).hasSize(8);
    assertThat(whole.seconds).hasSizeGreaterThan(3);
    assertThat(whole.minutes).hasSize(2);
    resumed.assertSameAs(whole);
  }

  @Test
  void publishesTheSameWhateverStepsTheWatermarkTakesWithOneTimerPerInstrument() throws Exception {
    List<InstrumentEvent> events = snapshotThen(400, 7, 3, Side.BUY);
    long[] everyEvent =
        events.stream().mapToLong(e -> Math.floorDiv(e.eventTimeUs(), 1_000L)).toArray();
    long[] oneStep = {ms(200_000)};

    Outputs stepped = new Outputs();
    try (BookHarness run = new BookHarness()) {
      feed(run, events, everyEvent, 0, everyEvent.length);
      run.watermark(ms(200_000));
      stepped.add(run);
    }
    Outputs jumped = new Outputs();
    try (BookHarness run = new BookHarness()) {
      for (InstrumentEvent event : events) {
        run.send(copy(event));
      }
      assertThat(run.harness.numEventTimeTimers()).isEqualTo(2); // the first event, the clean-up
      feed(run, List.of(), oneStep, 0, 1);
      jumped.add(run);
    }

    assertThat(stepped.ticks).hasSize(400);
    assertThat(stepped.seconds).hasSize(3);
    assertThat(stepped.minutes).hasSize(1);
    jumped.assertSameAs(stepped);
  }

  @Test
  void publishesTheSameWhetherEventsComeOneByOneOrInLists() throws Exception {
    List<InstrumentEvent> events = snapshotThen(600, 5, 4, Side.SELL);
    long[] watermarks = {ms(600), ms(1_250), ms(1_900), ms(2_600), ms(200_000)};

    Outputs single = new Outputs();
    try (BookHarness run = new BookHarness()) {
      feed(run, events, watermarks, 0, watermarks.length);
      single.add(run);
    }
    Outputs lists = new Outputs();
    try (BookHarness run = new BookHarness()) {
      feed(run, events, watermarks, 0, watermarks.length, new Random(17));
      lists.add(run);
    }

    assertThat(single.ticks).hasSize(600);
    assertThat(single.seconds).hasSizeGreaterThan(2);
    assertThat(single.snapshots).hasSizeGreaterThan(2);
    lists.assertSameAs(single);
  }

  @Test
  void aLateTradeInAListIsADeadLetterAndTheRestOfTheListApplies() throws Exception {
    books.send(snapshot(at(100), 100L, BIDS, ASKS)).watermark(ms(1_000));

    InstrumentEvent lateTrade = trade(at(900), 7, 101.0, 1.0, Side.BUY);
    books
        .sendTogether(
            delta(at(1_200), 101, 101, levels(100.0, 2.0), NONE),
            lateTrade,
            trade(at(1_300), 8, 101.0, 0.5, Side.BUY))
        .watermark(ms(1_500));

    assertThat(books.side(BookProcessor.DEAD_LETTERS))
        .extracting(DeadLetter::getSourceOffset)
        .containsExactly(lateTrade.offset);
    assertThat(books.ticks())
        .extracting(MarketTick::getExchangeTimeUs, MarketTick::getLastSize)
        .containsExactly(tuple(at(100), null), tuple(at(1_200), null), tuple(at(1_300), 0.5));
  }

  @Test
  void aListOfLateTradesOnlyLeavesNoState() throws Exception {
    books.watermark(ms(1_000));

    books.sendTogether(
        trade(at(900), 7, 101.0, 1.0, Side.BUY), trade(at(950), 8, 101.0, 1.0, Side.SELL));

    assertThat(books.side(BookProcessor.DEAD_LETTERS)).hasSize(2);
    assertThat(books.harness.numKeyedStateEntries()).isZero();
    assertThat(books.harness.numEventTimeTimers()).isZero();
  }

  /**
   * A snapshot at 100 ms, then {@code n} events {@code stepMs} apart: every {@code tradeEvery}-th a
   * trade on {@code side}, the others deltas in sequence.
   */
  private static List<InstrumentEvent> snapshotThen(int n, int stepMs, int tradeEvery, Side side) {
    List<InstrumentEvent> events = new ArrayList<>();
    events.add(snapshot(at(100), 100L, BIDS, ASKS));
    long sequence = 100;
    for (int i = 1; i <= n; i++) {
      long timeUs = at(100 + stepMs * i);
      if (i % tradeEvery == 0) {
        events.add(trade(timeUs, i, i % 2 == 0 ? 101.0 : 100.0, 0.1 * i, side));
      } else {
        sequence++;
        events.add(delta(timeUs, sequence, sequence, levels(100.0, i), NONE));
      }
    }
    return events;
  }

  /** Feeds each event before watermark {@code from}..{@code to} - 1, and that watermark. */
  private static void feed(
      BookHarness harness, List<InstrumentEvent> events, long[] watermarks, int from, int to)
      throws Exception {
    feed(harness, events, watermarks, from, to, null);
  }

  /**
   * As {@link #feed(BookHarness, List, long[], int, int)}, in lists of 1 to 40 events, their
   * lengths drawn from {@code lists}, when it is not null.
   */
  private static void feed(
      BookHarness harness,
      List<InstrumentEvent> events,
      long[] watermarks,
      int from,
      int to,
      Random lists)
      throws Exception {
    for (int w = from; w < to; w++) {
      long previous = w == 0 ? Long.MIN_VALUE : watermarks[w - 1];
      List<InstrumentEvent> between = new ArrayList<>();
      for (InstrumentEvent event : events) {
        long ms = Math.floorDiv(event.eventTimeUs(), 1_000L);
        if (ms > previous && ms <= watermarks[w]) {
          between.add(copy(event));
        }
      }
      for (int i = 0; i < between.size(); ) {
        int next = lists == null ? i + 1 : Math.min(between.size(), i + 1 + lists.nextInt(40));
        harness.sendTogether(between.subList(i, next).toArray(InstrumentEvent[]::new));
        i = next;
      }
      harness.watermark(watermarks[w]);
    }
  }

  private static InstrumentEvent copy(InstrumentEvent event) {
    InstrumentEvent copy = new InstrumentEvent();
    copy.kind = event.kind;
    copy.timeUs = event.timeUs;
    copy.instrument = event.instrument;
    copy.book = event.book;
    copy.bookAvro = event.bookAvro;
    copy.undecodable = event.undecodable;
    copy.trade = event.trade;
    copy.status = event.status;
    copy.partition = event.partition;
    copy.offset = event.offset;
    return copy;
  }

  /** Everything one or more runs published. */
  private static final class Outputs {
    final List<MarketTick> ticks = new ArrayList<>();
    final List<MarketMicrostructure> seconds = new ArrayList<>();
    final List<LiquidityMetrics> minutes = new ArrayList<>();
    final List<OrderBookSnapshot> snapshots = new ArrayList<>();
    final List<BookStatus> statuses = new ArrayList<>();

    void add(BookHarness run) {
      ticks.addAll(run.ticks());
      seconds.addAll(run.side(BookProcessor.MICROSTRUCTURE));
      minutes.addAll(run.side(BookProcessor.LIQUIDITY));
      snapshots.addAll(run.side(BookProcessor.SNAPSHOTS));
      statuses.addAll(run.side(BookProcessor.BOOK_STATUS));
    }

    void assertSameAs(Outputs expected) {
      assertThat(ticks).isEqualTo(expected.ticks);
      assertThat(seconds).isEqualTo(expected.seconds);
      assertThat(minutes).isEqualTo(expected.minutes);
      assertThat(snapshots).isEqualTo(expected.snapshots);
      assertThat(statuses).isEqualTo(expected.statuses);
    }
  }
}
