package org.marketflow.jobs.microstructure.functions;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.Preconditions;
import org.marketflow.jobs.common.functions.ConsumedRejects;
import org.marketflow.jobs.common.functions.RouteDeadLetters;
import org.marketflow.jobs.microstructure.book.BookSide;
import org.marketflow.jobs.microstructure.book.L2Book;
import org.marketflow.jobs.microstructure.metrics.Depth;
import org.marketflow.jobs.microstructure.metrics.EffectiveSpread;
import org.marketflow.jobs.microstructure.metrics.Liquidity;
import org.marketflow.jobs.microstructure.metrics.LiquidityScore;
import org.marketflow.jobs.microstructure.metrics.Microstructure;
import org.marketflow.jobs.microstructure.metrics.MicrostructureParams;
import org.marketflow.jobs.microstructure.metrics.RealizedSpread;
import org.marketflow.jobs.microstructure.metrics.Resilience;
import org.marketflow.jobs.microstructure.metrics.Spreads;
import org.marketflow.jobs.microstructure.metrics.Vpin;
import org.marketflow.jobs.microstructure.records.DecodedBookUpdate;
import org.marketflow.jobs.microstructure.records.DerivedRecords;
import org.marketflow.jobs.microstructure.records.EventKind;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.jobs.microstructure.records.SecondQuote;
import org.marketflow.jobs.microstructure.records.SerializedEvents;
import org.marketflow.jobs.microstructure.records.ShuffledBookUpdate;
import org.marketflow.jobs.microstructure.state.InstrumentState;
import org.marketflow.jobs.microstructure.state.L2BookSerializer;
import org.marketflow.jobs.microstructure.state.PendingEvents;
import org.marketflow.jobs.microstructure.state.PendingEventsSerializer;
import org.marketflow.schemas.avro.BookStatus;
import org.marketflow.schemas.avro.BookStatusCause;
import org.marketflow.schemas.avro.BookSyncState;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.DeadLetter;
import org.marketflow.schemas.avro.EncodedBookUpdate;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;
import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.OrderBookSnapshot;
import org.marketflow.schemas.avro.SnapshotReason;
import org.marketflow.schemas.avro.TickSource;
import org.marketflow.schemas.avro.Trade;
import org.marketflow.schemas.instrument.InstrumentId;

/**
 * One instrument's book, ticks and metrics, keyed by instrument, from its book updates, trades and
 * feed statuses (docs/jobs/microstructure.md, "The operator").
 *
 * <p><b>Order.</b> Events are buffered and applied once the watermark passes their millisecond,
 * sorted by time, then kind (book, status, trade), then arrival, which for records of one topic is
 * their Kafka order; a second, a minute or a snapshot interval closes once the watermark passes its
 * last millisecond, after that millisecond's events. A live run and a replay apply the same events
 * in the same order, whatever steps the watermark takes. An instrument has one event-time timer for
 * this (its {@code wakeMs}: the first buffered millisecond or period end), not one per millisecond
 * with events: it fires when the watermark passes it, and everything then due is applied in one go.
 * A book update or status takes effect no sooner than the instrument's previous one (Binance's
 * diffs published after a REST snapshot stamped with its receive time would otherwise sort before
 * it), nor at or behind the watermark (it is then applied at the next millisecond, counted in
 * {@code delayedBookEvents}: dropping it would break the book). A trade at or behind the watermark
 * is a dead letter ({@code jobs-microstructure.late}, {@code lateTrades}).
 *
 * <p><b>The book.</b> A snapshot replaces and syncs it ({@code BookStatus} SYNCED, an {@code
 * OrderBookSnapshot} RESYNC). A delta applies while synced and continuous with the book's last
 * sequence; a discontinuity, a crossed book, a rejected level or a feed's GAP, DISCONNECTED or
 * CHECKSUM_MISMATCH drops the book ({@code BookStatus} UNSYNCED) and nothing derived from it is
 * emitted until the next snapshot. A delta for a book the job does not hold, a repeated one, or one
 * with an invalid level, and a snapshot or delta that leaves the book crossed, is a dead letter
 * ({@code jobs-microstructure.book}, {@code rejectedBookUpdates}). A book update arrives as its
 * Avro bytes and is decoded when it applies; one whose bytes do not decode is a dead letter ({@code
 * jobs-microstructure.decode}, as the sources' undecodable records, {@code undecodableBookUpdates})
 * and changes nothing, so that the next delta finds the gap it leaves.
 *
 * <p><b>Outputs.</b> {@link MarketTick}s (the main output) when the top of the synced book changes
 * and on every trade while synced; on side outputs {@link #SNAPSHOTS}, {@link #MICROSTRUCTURE} (a
 * second in which the instrument had events, synced at its end), {@link #LIQUIDITY} (a minute with
 * such a second), {@link #BOOK_STATUS}, {@link #PAIR_QUOTES} (prediction-market books, each second
 * with events) and {@link RouteDeadLetters#DEAD_LETTERS}.
 *
 * <p><b>State bounds.</b> Buffered events (kept in apply order, in heap state: the job is built for
 * Flink's heap state backend) are removed when they are applied; they span the watermark's
 * out-of-orderness. A delta is never buffered past its millisecond: one for a book without a
 * snapshot is a dead letter, so such a book holds only the fixed-size {@link InstrumentState}.
 * Everything an instrument holds is cleared {@code idleTimeout} after its last event (a timer).
 */
public class BookProcessor extends KeyedProcessFunction<String, List<InstrumentEvent>, MarketTick> {

  private static final long serialVersionUID = 1L;

  public static final String BOOK_STAGE = "jobs-microstructure.book";
  public static final String DECODE_STAGE = "jobs-microstructure.decode";
  public static final String LATE_STAGE = "jobs-microstructure.late";

  public static final OutputTag<OrderBookSnapshot> SNAPSHOTS =
      new OutputTag<>("book-snapshots", TypeInformation.of(OrderBookSnapshot.class));
  public static final OutputTag<MarketMicrostructure> MICROSTRUCTURE =
      new OutputTag<>("microstructure", TypeInformation.of(MarketMicrostructure.class));
  public static final OutputTag<LiquidityMetrics> LIQUIDITY =
      new OutputTag<>("liquidity", TypeInformation.of(LiquidityMetrics.class));
  public static final OutputTag<BookStatus> BOOK_STATUS =
      new OutputTag<>("book-status", TypeInformation.of(BookStatus.class));
  public static final OutputTag<SecondQuote> PAIR_QUOTES =
      new OutputTag<>("pair-quotes", TypeInformation.of(SecondQuote.class));
  public static final OutputTag<DeadLetter> DEAD_LETTERS = RouteDeadLetters.DEAD_LETTERS;

  private static final long NONE = Long.MIN_VALUE;
  private static final long SECOND_US = 1_000_000L;
  private static final long MINUTE_US = 60_000_000L;
  private static final long DAY_US = 86_400_000_000L;

  /**
   * What the operator needs besides its input.
   *
   * @param snapshotLevels N, the levels a side of a published snapshot, 1 to 50
   * @param snapshotInterval X: an interval snapshot at most this often, a whole number of ms
   * @param idleTimeout an instrument's state is cleared this long after its last event
   */
  public record Settings(
      MicrostructureParams params,
      int snapshotLevels,
      Duration snapshotInterval,
      Duration idleTimeout,
      ConsumedRejects<BookUpdate> bookRejects,
      ConsumedRejects<Trade> tradeRejects)
      implements Serializable {

    public Settings {
      Preconditions.checkNotNull(params, "params");
      Preconditions.checkArgument(
          snapshotLevels >= 1 && snapshotLevels <= 50,
          "snapshot levels must be within 1-50, not %s",
          snapshotLevels);
      Preconditions.checkArgument(
          snapshotInterval.toMillis() >= 1, "snapshot interval must be at least 1 ms");
      Preconditions.checkArgument(
          idleTimeout.compareTo(Duration.ofMinutes(2)) >= 0
              && idleTimeout.compareTo(snapshotInterval.multipliedBy(2)) >= 0,
          "idle timeout %s must be at least 2 minutes and twice the snapshot interval",
          idleTimeout);
      Preconditions.checkNotNull(bookRejects, "bookRejects");
      Preconditions.checkNotNull(tradeRejects, "tradeRejects");
    }
  }

  private final Settings settings;
  private final long snapshotIntervalMs;
  private final long idleTimeoutMs;

  /** The instrument's buffered events, in the order they apply ({@link PendingEvents}). */
  private transient ValueState<PendingEvents> pending;

  private transient ValueState<InstrumentState> instrumentState;
  private transient ValueState<L2Book> bookState;
  private transient ValueState<EffectiveSpread> effectiveState;
  private transient ValueState<RealizedSpread> realizedState;
  private transient ValueState<Resilience> resilienceState;
  private transient ValueState<Vpin> vpinState;
  private transient ValueState<LiquidityScore> liquidityScoreState;

  private transient Counter rejectedBookUpdates;
  private transient Counter undecodableBookUpdates;
  private transient Counter lateTrades;
  private transient Counter delayedBookEvents;
  private transient Counter unsyncedBooks;

  // The instrument being processed in onTimer, loaded from state and written back at its end.
  private transient String instrument;

  /** {@link #instrument}'s venue, kept with it so that a tick does not cut it out again. */
  private transient String venue;

  private transient InstrumentState s;
  private transient L2Book book;
  private transient EffectiveSpread effective;
  private transient RealizedSpread realized;
  private transient Resilience resilience;
  private transient Vpin vpin;
  private transient LiquidityScore liquidityScore;
  private transient OnTimerContext ctx;

  /** The book update being applied, read where it waits. */
  private transient ShuffledBookUpdate bookEvent;

  private transient Collector<MarketTick> out;

  public BookProcessor(Settings settings) {
    this.settings = Preconditions.checkNotNull(settings, "settings");
    this.snapshotIntervalMs = settings.snapshotInterval().toMillis();
    this.idleTimeoutMs = settings.idleTimeout().toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    var context = getRuntimeContext();
    pending =
        context.getState(
            new ValueStateDescriptor<>("waiting-events", PendingEventsSerializer.INSTANCE));
    instrumentState =
        context.getState(
            new ValueStateDescriptor<>("instrument", TypeInformation.of(InstrumentState.class)));
    bookState = context.getState(new ValueStateDescriptor<>("book", L2BookSerializer.INSTANCE));
    effectiveState =
        context.getState(
            new ValueStateDescriptor<>("effective", TypeInformation.of(EffectiveSpread.class)));
    realizedState =
        context.getState(
            new ValueStateDescriptor<>("realized", TypeInformation.of(RealizedSpread.class)));
    resilienceState =
        context.getState(
            new ValueStateDescriptor<>("resilience", TypeInformation.of(Resilience.class)));
    vpinState =
        context.getState(new ValueStateDescriptor<>("vpin", TypeInformation.of(Vpin.class)));
    liquidityScoreState =
        context.getState(
            new ValueStateDescriptor<>(
                "liquidity-score", TypeInformation.of(LiquidityScore.class)));
    var metrics = context.getMetricGroup();
    rejectedBookUpdates = metrics.counter("rejectedBookUpdates");
    undecodableBookUpdates = metrics.counter("undecodableBookUpdates");
    lateTrades = metrics.counter("lateTrades");
    delayedBookEvents = metrics.counter("delayedBookEvents");
    unsyncedBooks = metrics.counter("unsyncedBooks");
    bookEvent = new ShuffledBookUpdate();
  }

  /**
   * Buffers some of the instrument's events, in their order ({@code WatermarkBatches} groups them
   * before the shuffle), until the watermark passes them; a trade already behind the watermark is a
   * dead letter.
   */
  @Override
  public void processElement(
      List<InstrumentEvent> events, Context context, Collector<MarketTick> output)
      throws Exception {
    // From the shuffle, the events are still bytes: read their kind and time, copy them as they
    // are.
    SerializedEvents batch = SerializedEvents.of(events);
    long watermark = context.timerService().currentWatermark();
    InstrumentState state = null;
    PendingEvents waiting = null;
    long earliestMs = NONE;
    long latestMs = NONE;
    for (int i = 0, n = batch.size(); i < n; i++) {
      EventKind kind = batch.kind(i);
      long timeUs = batch.timeUs(i);
      if (kind == EventKind.TRADE && Math.floorDiv(timeUs, 1_000L) <= watermark) {
        rejectLateTrade(batch.get(i), watermark, context);
        continue;
      }
      if (state == null) {
        state = valueOr(instrumentState.value(), InstrumentState::new);
        waiting = valueOr(pending.value(), PendingEvents::new);
      }
      long atUs =
          kind == EventKind.TRADE ? timeUs : delayBehindWatermark(kind, timeUs, state, watermark);
      long ms = Math.floorDiv(atUs, 1_000L);
      waiting.add(atUs, kind, batch.bytes(), batch.start(i), batch.length(i));
      earliestMs = earliestMs == NONE ? ms : Math.min(earliestMs, ms);
      latestMs = Math.max(latestMs, ms);
    }
    if (state == null) {
      return; // only late trades: nothing to keep
    }
    pending.update(waiting);
    if (state.wakeMs == NONE || earliestMs < state.wakeMs) {
      state.wakeMs = earliestMs; // a later timer still pending fires harmlessly
      context.timerService().registerEventTimeTimer(earliestMs);
    }
    state.idle.touch(latestMs, context.timerService(), idleTimeoutMs);
    instrumentState.update(state);
  }

  /**
   * When a book update or status stamped {@code timeUs} takes effect: a book update no sooner than
   * the instrument's previous one, and either behind the watermark at the watermark's next
   * millisecond.
   */
  private long delayBehindWatermark(
      EventKind kind, long timeUs, InstrumentState state, long watermark) {
    long at = kind == EventKind.BOOK ? Math.max(timeUs, state.lastBookEffectUs) : timeUs;
    if (Math.floorDiv(at, 1_000L) <= watermark) {
      at = (watermark + 1) * 1_000L;
      delayedBookEvents.inc();
    }
    if (kind == EventKind.BOOK) {
      state.lastBookEffectUs = at;
    }
    return at;
  }

  private void rejectLateTrade(InstrumentEvent event, long watermark, Context context) {
    lateTrades.inc();
    context.output(
        DEAD_LETTERS,
        settings
            .tradeRejects()
            .of(
                LATE_STAGE,
                "trade at "
                    + event.timeUs
                    + " us arrived behind the watermark "
                    + watermark
                    + " ms: its second is already published",
                event.trade,
                event.partition,
                event.offset));
  }

  /**
   * Applies every buffered event at or behind the watermark, closing the periods that end before
   * each, then the periods ending at or behind the watermark; then sets the next wake.
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<MarketTick> output)
      throws Exception {
    s = instrumentState.value();
    if (s == null) {
      return; // cleared: a timer of the state's former life
    }
    load(context, output);
    long watermark = context.timerService().currentWatermark();
    long firstLaterMs = applyDue(watermark);
    closePeriodsThrough(watermark);
    if (s.idle.expired(timestamp, ctx.timerService(), idleTimeoutMs)) {
      clearIdle();
      return;
    }
    long wake = s.nextPeriodEndMs();
    if (firstLaterMs != NONE && (wake == NONE || firstLaterMs < wake)) {
      wake = firstLaterMs;
    }
    if (wake != s.wakeMs || s.wakeMs <= watermark) {
      s.wakeMs = wake;
      if (wake != NONE) {
        ctx.timerService().registerEventTimeTimer(wake);
      }
    }
    store();
  }

  /**
   * Applies the buffered events at or behind {@code watermark}, a prefix of the buffer, in order,
   * and keeps the rest: the cost is that of the events applied, however many wait.
   *
   * @return the first millisecond of the events kept, {@link #NONE} when none is
   */
  private long applyDue(long watermark) throws Exception {
    PendingEvents events = pending.value();
    if (events == null) {
      return NONE;
    }
    int due = 0;
    for (int n = events.size(); due < n; due++) {
      long ms = Math.floorDiv(events.timeUs(due), 1_000L);
      if (ms > watermark) {
        break;
      }
      closePeriodsThrough(ms - 1);
      apply(events, due, ms);
    }
    events.removeFirst(due);
    if (events.isEmpty()) {
      pending.clear();
      return NONE;
    }
    pending.update(events);
    return Math.floorDiv(events.timeUs(0), 1_000L);
  }

  /** Closes, in time order, every open period whose last millisecond is at or before {@code ms}. */
  private void closePeriodsThrough(long ms) {
    for (long end = s.nextPeriodEndMs(); end != NONE && end <= ms; end = s.nextPeriodEndMs()) {
      closePeriodsEndingAt(end);
    }
  }

  /** The second, the minute and the snapshot interval whose last millisecond is {@code ms}. */
  private void closePeriodsEndingAt(long ms) {
    long endUs = (ms + 1) * 1_000L;
    if (s.hasOpenSecond() && s.secondStartUs + SECOND_US == endUs) {
      closeSecond();
    }
    if (s.minuteStartUs != NONE && s.minuteStartUs + MINUTE_US == endUs) {
      closeMinute();
    }
    if (s.changedSinceSnapshot && s.snapshotDueMs == ms) {
      s.changedSinceSnapshot = false; // only while synced: a drop clears it
      ctx.output(
          SNAPSHOTS,
          DerivedRecords.snapshot(
              instrument,
              endUs,
              SnapshotReason.INTERVAL,
              s.lastUpdateTimeUs,
              s.lastSequence,
              settings.snapshotLevels(),
              book));
    }
  }

  private void load(OnTimerContext context, Collector<MarketTick> output) throws Exception {
    MicrostructureParams params = settings.params();
    ctx = context;
    out = output;
    String key = context.getCurrentKey();
    if (!key.equals(instrument)) {
      instrument = key;
      venue = DerivedRecords.venue(key);
    }
    book = valueOr(bookState.value(), L2Book::new);
    effective = valueOr(effectiveState.value(), params::newEffectiveSpread);
    realized = valueOr(realizedState.value(), params::newRealizedSpread);
    resilience = valueOr(resilienceState.value(), params::newResilience);
    vpin = valueOr(vpinState.value(), params::newVpin);
    liquidityScore = valueOr(liquidityScoreState.value(), params::newLiquidityScore);
  }

  private static <T> T valueOr(T value, java.util.function.Supplier<T> create) {
    return value != null ? value : create.get();
  }

  private void store() throws Exception {
    instrumentState.update(s);
    bookState.update(book);
    effectiveState.update(effective);
    realizedState.update(realized);
    resilienceState.update(resilience);
    vpinState.update(vpin);
    liquidityScoreState.update(liquidityScore);
  }

  /**
   * Applies the {@code i}-th of {@code events}, of millisecond {@code ms}: a book update read where
   * its bytes lie, into the operator's one {@link ShuffledBookUpdate}, any other event as an
   * object.
   */
  private void apply(PendingEvents events, int i, long ms) {
    long timeUs = events.timeUs(i);
    openSecond(timeUs);
    if (events.isBook(i)) {
      applyBook(events.readBook(i, bookEvent), timeUs, ms);
      return;
    }
    InstrumentEvent event = events.read(i);
    if (event.kind == EventKind.TRADE) {
      applyTrade(event);
    } else {
      applyStatus(event.status, timeUs);
    }
  }

  // ---- Book updates

  /**
   * Applies the book update in {@link #bookEvent}, at {@code timeUs} of millisecond {@code ms}.
   *
   * @param decoded whether its bytes decoded
   */
  private void applyBook(boolean decoded, long timeUs, long ms) {
    if (!decoded) {
      undecodableBookUpdates.inc();
      byte[] avro = bookEvent.avro();
      ctx.output(
          DEAD_LETTERS,
          settings
              .bookRejects()
              .of(
                  DECODE_STAGE,
                  bookEvent.undecodable(),
                  avro,
                  stampedTimeUs(avro, timeUs),
                  bookEvent.partition(),
                  bookEvent.offset()));
      return;
    }
    DecodedBookUpdate update = bookEvent.update();
    if (update.kind() == BookUpdateKind.SNAPSHOT) {
      try {
        book.reset(update.bids(), update.asks());
      } catch (IllegalArgumentException e) {
        reject("invalid snapshot: " + e.getMessage());
        unsync(timeUs, BookStatusCause.OTHER, "invalid snapshot: " + e.getMessage());
        return;
      }
      if (book.isCrossed()) {
        String crossed = "the snapshot is crossed: " + crossing();
        reject(crossed);
        unsync(timeUs, BookStatusCause.CROSSED_BOOK, crossed);
        return;
      }
      s.synced = true;
      s.awaitingFirstDelta = true;
      s.lastSequence = update.lastSequence();
      s.lastUpdateTimeUs = update.exchangeTimeUs();
      s.changedSinceSnapshot = false;
      ctx.output(
          BOOK_STATUS,
          DerivedRecords.status(
              instrument,
              timeUs,
              BookSyncState.SYNCED,
              BookStatusCause.SNAPSHOT,
              s.lastSequence,
              null));
      ctx.output(
          SNAPSHOTS,
          DerivedRecords.snapshot(
              instrument,
              timeUs,
              SnapshotReason.RESYNC,
              s.lastUpdateTimeUs,
              s.lastSequence,
              settings.snapshotLevels(),
              book));
      bookChanged(timeUs, update);
      return;
    }
    if (!s.synced) {
      reject(
          s.lastUpdateTimeUs == NONE
              ? "delta for a book that has had no snapshot"
              : "delta for an unsynced book (waiting for the next snapshot)");
      return;
    }
    String discontinuity = Continuity.check(s.lastSequence, s.awaitingFirstDelta, update);
    if (discontinuity == Continuity.REPEATED) {
      reject(
          "delta up to sequence "
              + update.lastSequence()
              + " repeats what the book holds (last sequence "
              + s.lastSequence
              + ")");
      return;
    }
    if (discontinuity != null) {
      unsync(timeUs, BookStatusCause.SEQUENCE_GAP, discontinuity);
      return;
    }
    try {
      book.apply(update.bids(), update.asks());
    } catch (IllegalArgumentException e) {
      reject("invalid level: " + e.getMessage());
      unsync(timeUs, BookStatusCause.OTHER, "a delta with an invalid level: " + e.getMessage());
      return;
    }
    if (book.isCrossed()) {
      String crossed = "crossed after the delta: " + crossing();
      reject(crossed);
      unsync(timeUs, BookStatusCause.CROSSED_BOOK, crossed);
      return;
    }
    s.awaitingFirstDelta = false;
    if (update.lastSequence() != null) {
      s.lastSequence = update.lastSequence();
    }
    s.lastUpdateTimeUs = update.exchangeTimeUs();
    if (!s.changedSinceSnapshot) {
      s.changedSinceSnapshot = true;
      s.snapshotDueMs = (Math.floorDiv(ms, snapshotIntervalMs) + 1) * snapshotIntervalMs - 1;
    }
    bookChanged(timeUs, update);
  }

  private String crossing() {
    return "best bid " + book.bestBid() + " is not below best ask " + book.bestAsk();
  }

  /** After the book changed: the realized spread's mid, resilience, the spread, and a tick. */
  private void bookChanged(long timeUs, DecodedBookUpdate update) {
    double bid = book.bestBid();
    double ask = book.bestAsk();
    realized.onMid(timeUs, Spreads.mid(bid, ask));
    resilience.onBook(timeUs, book);
    s.spread.onQuote(timeUs, Spreads.quotedBps(bid, ask));
    if (!same(bid, s.tickBid)
        || !same(ask, s.tickAsk)
        || !same(book.bestBidSize(), s.tickBidSize)
        || !same(book.bestAskSize(), s.tickAskSize)) {
      tick(
          timeUs,
          TickSource.BOOK,
          update.lastSequence(),
          update.receiveTimeUs() - update.exchangeTimeUs());
    }
  }

  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  // ---- Feed statuses

  private void applyStatus(FeedStatus status, long timeUs) {
    BookStatusCause cause =
        switch (status.getState()) {
          case GAP -> BookStatusCause.FEED_GAP;
          case DISCONNECTED -> BookStatusCause.FEED_DISCONNECTED;
          case CHECKSUM_MISMATCH -> BookStatusCause.FEED_CHECKSUM_MISMATCH;
          default -> null; // CONNECTED, RESYNCED (a snapshot follows), STALE (the book stands)
        };
    if (cause != null) {
      StringBuilder detail = new StringBuilder("feed ").append(status.getState());
      if (status.getExpectedSequence() != null || status.getReceivedSequence() != null) {
        detail
            .append(": expected ")
            .append(status.getExpectedSequence())
            .append(", received ")
            .append(status.getReceivedSequence());
      }
      if (status.getDetail() != null) {
        detail.append(" (").append(status.getDetail()).append(')');
      }
      unsync(timeUs, cause, detail.toString());
    }
  }

  /**
   * The book is no longer the venue's: dropped until the next snapshot; UNSYNCED if it was held.
   */
  private void unsync(long timeUs, BookStatusCause cause, String detail) {
    boolean wasSynced = s.synced;
    s.synced = false;
    s.awaitingFirstDelta = false;
    s.changedSinceSnapshot = false;
    s.forgetTop();
    book.clear();
    realized.onMid(timeUs, Double.NaN);
    s.spread.onQuote(timeUs, Double.NaN);
    if (wasSynced) {
      unsyncedBooks.inc();
      ctx.output(
          BOOK_STATUS,
          DerivedRecords.status(
              instrument, timeUs, BookSyncState.UNSYNCED, cause, s.lastSequence, detail));
    }
  }

  // ---- Trades

  private void applyTrade(InstrumentEvent event) {
    Trade trade = event.trade;
    long timeUs = event.timeUs;
    double price = trade.getPrice();
    double size = trade.getSize();
    rollDay(timeUs);
    s.dayVolume += size;
    s.lastPrice = price;
    s.lastSize = size;
    s.secondTrades++;
    s.secondVolume += size;
    vpin.addTrade(timeUs, price, size, trade.getSide());
    if (s.synced) {
      double mid = Spreads.mid(book);
      effective.add(price, size, mid);
      realized.addTrade(timeUs, price, size, trade.getSide(), mid);
      tick(
          timeUs,
          TickSource.TRADE,
          trade.getSequence(),
          trade.getReceiveTimeUs() - trade.getExchangeTimeUs());
    }
  }

  private void rollDay(long timeUs) {
    long dayStart = Math.floorDiv(timeUs, DAY_US) * DAY_US;
    if (dayStart > s.dayStartUs) {
      s.dayStartUs = dayStart;
      s.dayVolume = 0.0;
      s.lastPrice = Double.NaN;
      s.lastSize = Double.NaN;
    }
  }

  // ---- Ticks

  private void tick(long timeUs, TickSource source, Long sequence, long latencyUs) {
    rollDay(timeUs);
    int index = timeUs == s.lastTickTimeUs ? s.lastTickIndex + 1 : 0;
    s.lastTickTimeUs = timeUs;
    s.lastTickIndex = index;
    s.tickBid = book.bestBid();
    s.tickAsk = book.bestAsk();
    s.tickBidSize = book.bestBidSize();
    s.tickAskSize = book.bestAskSize();
    s.secondTicks++;
    out.collect(
        DerivedRecords.tick(
            instrument,
            venue,
            timeUs,
            index,
            source,
            sequence,
            latencyUs,
            book,
            s.lastPrice,
            s.lastSize,
            s.dayVolume));
  }

  // ---- Seconds and minutes

  /** Opens the second of {@code timeUs} if it is not open (an earlier one is closed by then). */
  private void openSecond(long timeUs) {
    long start = Math.floorDiv(timeUs, SECOND_US) * SECOND_US;
    if (s.secondStartUs == start) {
      return;
    }
    s.secondStartUs = start;
    s.spread.open(start);
  }

  private void closeSecond() {
    long start = s.secondStartUs;
    long endUs = start + SECOND_US;
    MicrostructureParams params = settings.params();
    realized.advanceTo(endUs - 1);
    double spreadBps = s.spread.close(endUs);
    if (s.synced) {
      Microstructure metrics =
          Microstructure.of(book, params, effective, realized, s.secondTicks, SECOND_US);
      ctx.output(
          MICROSTRUCTURE,
          DerivedRecords.microstructure(
              instrument, start, metrics, spreadBps, params, s.secondTrades, s.secondVolume));
      openMinute(start);
      s.minuteSyncedSeconds++;
      double band = params.liquidityBandBps();
      double bid = Depth.notionalWithinBps(book, BookSide.BID, band);
      double ask = Depth.notionalWithinBps(book, BookSide.ASK, band);
      if (!Double.isNaN(bid) && !Double.isNaN(ask)) {
        s.minuteLiquiditySeconds++;
        s.minuteBidLiquidity += bid;
        s.minuteAskLiquidity += ask;
      }
    }
    if (instrument.startsWith(InstrumentId.PARIFLOW + ":")) {
      ctx.output(
          PAIR_QUOTES, SecondQuote.of(instrument, start, s.synced, book.bestBid(), book.bestAsk()));
    }
    effective.reset();
    realized.reset();
    s.closeSecond();
  }

  /** Opens the minute of {@code secondStartUs} if it is not open (an earlier one is closed). */
  private void openMinute(long secondStartUs) {
    long start = Math.floorDiv(secondStartUs, MINUTE_US) * MINUTE_US;
    if (s.minuteStartUs != start) {
      s.minuteStartUs = start;
    }
  }

  private void closeMinute() {
    long start = s.minuteStartUs;
    if (s.minuteSyncedSeconds > 0) {
      int seconds = s.minuteLiquiditySeconds;
      double bid = seconds > 0 ? s.minuteBidLiquidity / seconds : Double.NaN;
      double ask = seconds > 0 ? s.minuteAskLiquidity / seconds : Double.NaN;
      Liquidity liquidity =
          Liquidity.of(bid, ask, liquidityScore, resilience, vpin, start + MINUTE_US);
      ctx.output(
          LIQUIDITY,
          DerivedRecords.liquidity(
              instrument, start, liquidity, settings.params(), vpin.bucketVolume));
    }
    s.closeMinute();
  }

  // ---- Dead letters and clean-up

  /**
   * The exchange time an undecodable book update's header holds (the source read it), rather than
   * the time it applied at; that one if even the header does not read.
   */
  private static long stampedTimeUs(byte[] avro, long appliedUs) {
    try {
      return new EncodedBookUpdate.Reader().read(avro).exchangeTimeUs;
    } catch (Exception e) { // Avro throws runtime exceptions too
      return appliedUs;
    }
  }

  /** The dead letter of the book update in {@link #bookEvent}: the bytes it was read as. */
  private void reject(String reason) {
    rejectedBookUpdates.inc();
    ctx.output(
        DEAD_LETTERS,
        settings
            .bookRejects()
            .of(
                BOOK_STAGE,
                reason,
                bookEvent.avro(),
                bookEvent.update().exchangeTimeUs(),
                bookEvent.partition(),
                bookEvent.offset()));
  }

  /**
   * The instrument had no event for the idle timeout: everything it holds goes, without a status
   * (the end of a bounded replay fires every idle timer; its book's last state stands in the
   * output). Its next book update must be a snapshot, which publishes SYNCED.
   */
  private void clearIdle() throws Exception {
    pending.clear();
    instrumentState.clear();
    bookState.clear();
    effectiveState.clear();
    realizedState.clear();
    resilienceState.clear();
    vpinState.clear();
    liquidityScoreState.clear();
  }
}
