package org.marketflow.jobs.microstructure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;
import org.marketflow.jobs.microstructure.records.EventKind;
import org.marketflow.jobs.microstructure.records.InstrumentEvent;
import org.marketflow.jobs.microstructure.records.ShuffledBookUpdate;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Side;
import org.marketflow.schemas.avro.Trade;

/**
 * {@link PendingEvents} against a plain list kept in order by a loop, and Flink's contract tests
 * for {@link PendingEventsSerializer}.
 */
class PendingEventsTest extends SerializerTestBase<PendingEvents> {

  private static final long T0 = 1_723_075_200_000_000L;

  @Test
  void holdsEventsInTheOrderTheyApplyAsAListWould() {
    Random random = new Random(20261122L);
    for (int round = 0; round < 200; round++) {
      PendingEvents pending = new PendingEvents();
      List<InstrumentEvent> expected = new ArrayList<>();
      long offset = 0;
      long latest = T0;
      for (int step = 0; step < 400; step++) {
        if (random.nextInt(10) < 7) {
          // Mostly in time order, sometimes behind the latest, often at the same time.
          long timeUs =
              switch (random.nextInt(4)) {
                case 0 -> latest;
                case 1 -> latest - random.nextInt(5_000);
                default -> latest + random.nextInt(3_000);
              };
          latest = Math.max(latest, timeUs);
          InstrumentEvent event = randomEvent(random, timeUs, offset++);
          pending.add(event);
          addInOrder(expected, event);
        } else {
          int n = random.nextInt(expected.size() + 1);
          pending.removeFirst(n);
          expected.subList(0, n).clear();
        }
        assertSame(pending, expected);
      }
      assertThat(pending.copy()).isEqualTo(pending);
    }
  }

  @Test
  void aChangeToAnAddedEventChangesNothingHeld() {
    PendingEvents pending = new PendingEvents();
    InstrumentEvent event = status(T0, 1);
    pending.add(event);
    event.timeUs = T0 + 5;
    event.status.setState(FeedState.GAP);
    assertThat(pending.timeUs(0)).isEqualTo(T0);
    assertThat(pending.read(0).status.getState()).isEqualTo(FeedState.CONNECTED);
  }

  @Test
  void takingEveryEventLeavesItEmptyAndReusable() {
    PendingEvents pending = new PendingEvents();
    for (int i = 0; i < 100; i++) {
      pending.add(status(T0 + i, i));
    }
    pending.removeFirst(60);
    assertThat(pending.size()).isEqualTo(40);
    assertThat(pending.read(0).offset).isEqualTo(60);
    pending.removeFirst(40);
    assertThat(pending.isEmpty()).isTrue();
    pending.add(status(T0, 7));
    assertThat(pending.read(0).offset).isEqualTo(7);
    assertThatThrownBy(() -> pending.removeFirst(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> pending.read(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** The plain loop: after every event that applies before it or with it (time, then kind). */
  private static void addInOrder(List<InstrumentEvent> events, InstrumentEvent event) {
    int at = 0;
    while (at < events.size()
        && (events.get(at).timeUs < event.timeUs
            || (events.get(at).timeUs == event.timeUs
                && events.get(at).kind.ordinal() <= event.kind.ordinal()))) {
      at++;
    }
    events.add(at, event);
  }

  private static void assertSame(PendingEvents pending, List<InstrumentEvent> expected) {
    assertThat(pending.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      InstrumentEvent want = expected.get(i);
      InstrumentEvent got = pending.read(i);
      assertThat(pending.timeUs(i)).isEqualTo(want.timeUs);
      assertThat(got.kind).isEqualTo(want.kind);
      assertThat(got.timeUs).isEqualTo(want.timeUs);
      assertThat(got.offset).isEqualTo(want.offset);
      assertThat(got.partition).isEqualTo(want.partition);
      assertThat(got.book).isEqualTo(want.book);
      assertThat(got.trade).isEqualTo(want.trade);
      assertThat(got.status).isEqualTo(want.status);
      assertThat(pending.isBook(i)).isEqualTo(want.kind == EventKind.BOOK);
      if (want.kind == EventKind.BOOK) {
        // Read where the bytes lie, as the book operator reads it.
        assertThat(pending.readBook(i, shuffled)).isTrue();
        assertThat(shuffled.offset()).isEqualTo(want.offset);
        assertThat(shuffled.update().lastSequence()).isEqualTo(want.book.getLastSequence());
        assertThat(shuffled.update().bids().count()).isEqualTo(want.book.getBids().size());
        assertThat(shuffled.update().asks().count()).isEqualTo(want.book.getAsks().size());
      }
    }
  }

  private static final ShuffledBookUpdate shuffled = new ShuffledBookUpdate();

  private static InstrumentEvent randomEvent(Random random, long timeUs, long offset) {
    InstrumentEvent event =
        switch (EventKind.values()[random.nextInt(EventKind.values().length)]) {
          case BOOK -> book(random, timeUs, offset);
          case TRADE -> trade(random, timeUs, offset);
          case STATUS -> status(timeUs, offset);
        };
    event.timeUs = timeUs; // the time it applies, which may differ from its own
    return event;
  }

  private static InstrumentEvent book(Random random, long timeUs, long offset) {
    List<BookLevel> bids = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      bids.add(new BookLevel(100.0 - i, random.nextDouble(), random.nextBoolean() ? i : null));
    }
    return InstrumentEvent.of(
        BookUpdate.newBuilder()
            .setInstrument("BINANCE:BTCUSDT")
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + 500)
            .setKind(random.nextBoolean() ? BookUpdateKind.DELTA : BookUpdateKind.SNAPSHOT)
            .setFirstSequence(offset)
            .setLastSequence(offset + 1)
            .setBids(bids)
            .setAsks(List.of(new BookLevel(101.0, 2.0, null)))
            .build(),
        random.nextInt(3),
        offset);
  }

  private static InstrumentEvent trade(Random random, long timeUs, long offset) {
    return InstrumentEvent.of(
        Trade.newBuilder()
            .setInstrument("BINANCE:BTCUSDT")
            .setExchangeTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + 500)
            .setSequence(offset)
            .setTradeId(Long.toString(offset))
            .setPrice(100.5)
            .setSize(random.nextDouble())
            .setSide(random.nextBoolean() ? Side.BUY : Side.SELL)
            .build(),
        1,
        offset);
  }

  private static InstrumentEvent status(long timeUs, long offset) {
    return InstrumentEvent.of(
        FeedStatus.newBuilder()
            .setInstrument("BINANCE:BTCUSDT")
            .setEventTimeUs(timeUs)
            .setReceiveTimeUs(timeUs + 500)
            .setState(FeedState.CONNECTED)
            .build(),
        2,
        offset);
  }

  @Override
  protected TypeSerializer<PendingEvents> createSerializer() {
    return PendingEventsSerializer.INSTANCE;
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<PendingEvents> getTypeClass() {
    return PendingEvents.class;
  }

  @Override
  protected PendingEvents[] getTestData() {
    Random random = new Random(7);
    PendingEvents several = new PendingEvents();
    for (int i = 0; i < 50; i++) {
      several.add(randomEvent(random, T0 + random.nextInt(1_000), i));
    }
    PendingEvents partlyTaken = several.copy();
    partlyTaken.removeFirst(30);
    return new PendingEvents[] {new PendingEvents(), several, partlyTaken};
  }
}
