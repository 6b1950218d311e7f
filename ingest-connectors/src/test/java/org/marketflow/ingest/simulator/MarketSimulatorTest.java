package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.book.OrderBook;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.schemas.avro.BookLevel;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.BookUpdateKind;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;
import org.marketflow.schemas.avro.Trade;

class MarketSimulatorTest {

  private static final long START_US = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z
  private static final String YES = "PARIFLOW:election-2028:candidate-a:YES";
  private static final String NO = "PARIFLOW:election-2028:candidate-a:NO";

  private static MarketSimulator market(long seed, double eventsPerSecond) {
    return new MarketSimulator(
        seed, START_US, eventsPerSecond, MarketSimulator.defaultInstruments());
  }

  /** The records of the opening and {@code events} events. */
  private static CollectingOutput run(MarketSimulator simulator, int events) {
    CollectingOutput out = new CollectingOutput();
    simulator.open(out);
    for (int i = 0; i < events; i++) {
      simulator.next(out);
    }
    assertThat(out.deadLetters).isEmpty();
    return out;
  }

  @Test
  void opensWithConnectedASnapshotAndAQuoteForEveryInstrument() {
    CollectingOutput out = new CollectingOutput();
    market(1, 200).open(out);

    assertThat(out.statuses)
        .extracting(FeedStatus::getInstrument, FeedStatus::getState)
        .containsExactly(
            tuple("SIM:BTCUSD", FeedState.CONNECTED),
            tuple("SIM:ETHUSD", FeedState.CONNECTED),
            tuple("SIM:SOLUSD", FeedState.CONNECTED),
            tuple(YES, FeedState.CONNECTED),
            tuple(NO, FeedState.CONNECTED));
    assertThat(out.books)
        .allSatisfy(
            snapshot -> {
              assertThat(snapshot.getKind()).isEqualTo(BookUpdateKind.SNAPSHOT);
              assertThat(snapshot.getExchangeTimeUs()).isEqualTo(START_US);
            });
    BookUpdate btc = out.books.get(0);
    assertThat(btc.getBids()).hasSize(20);
    assertThat(btc.getAsks()).hasSize(20);
    // $60,000 at a $1 tick and a one-tick spread
    assertThat(btc.getAsks().get(0).getPrice() - btc.getBids().get(0).getPrice()).isEqualTo(1.0);
    assertThat(btc.getBids().get(0).getPrice()).isBetween(59_999.0, 60_000.0);
    assertThat(out.quotes).hasSize(5);
    assertThat(out.deadLetters).isEmpty();
  }

  @Test
  void theSameSeedAndStartGiveTheSameRecords() {
    assertThat(run(market(7, 200), 20_000).all).isEqualTo(run(market(7, 200), 20_000).all);
    assertThat(run(market(8, 200), 1_000).all).isNotEqualTo(run(market(7, 200), 1_000).all);
  }

  @Test
  void everyInstrumentsUpdatesAloneRebuildTheSimulatorsBookOverALongRun() {
    MarketSimulator simulator = market(3, 200);
    PublishedBooks published = new PublishedBooks();
    simulator.open(published);
    for (int i = 0; i < 200_000; i++) {
      published.updated.clear();
      simulator.next(published);
      for (String instrument : published.updated) {
        assertSameBook(published.books.get(instrument), simulator.book(instrument));
      }
    }
    for (String instrument : simulator.instruments()) {
      assertSameBook(published.books.get(instrument), simulator.book(instrument));
    }
    // The run saw everything the checks are about.
    assertThat(published.deltas).isGreaterThan(150_000);
    assertThat(published.quotes).isGreaterThan(20_000);
    assertThat(published.trades).isGreaterThan(20_000);
    assertThat(published.tradesWalkingTheBook).isGreaterThan(1_000);
  }

  @Test
  void pricesStayOnTheTickAndOnlyTheEnginesLevelsCountOrders() {
    CollectingOutput out = run(market(4, 200), 50_000);
    for (BookUpdate update : out.books) {
      boolean engine = update.getInstrument().startsWith("PARIFLOW:");
      double tick =
          switch (update.getInstrument()) {
            case "SIM:BTCUSD" -> 1;
            case "SIM:ETHUSD" -> 0.1;
            default -> 0.01;
          };
      for (List<BookLevel> side : List.of(update.getBids(), update.getAsks())) {
        for (BookLevel level : side) {
          assertOnTick(level.getPrice(), tick);
          if (engine) {
            assertThat(level.getPrice()).isBetween(0.01, 0.99);
            // A removed level has no orders left; a level that stays has one at least.
            assertThat(level.getOrderCount())
                .isEqualTo(level.getSize() == 0 ? 0 : level.getOrderCount())
                .isNotNull();
            if (level.getSize() > 0) {
              assertThat(level.getOrderCount()).isPositive();
            }
          } else {
            assertThat(level.getOrderCount()).isNull();
          }
        }
      }
    }
    for (Trade trade : out.trades) {
      boolean engine = trade.getInstrument().startsWith("PARIFLOW:");
      assertThat(trade.getSize()).isPositive();
      assertThat(trade.getOrderId() != null).isEqualTo(engine);
      assertThat(trade.getIsAmmTrade() != null).isEqualTo(engine);
      if (engine) {
        assertOnTick(trade.getPrice(), 0.01);
        assertThat(trade.getPrice()).isBetween(0.01, 0.99);
      }
    }
  }

  @Test
  void theNoBookIsTheYesBookSeenFromTheOtherSide() {
    MarketSimulator simulator = market(5, 200);
    CollectingOutput out = new CollectingOutput();
    simulator.open(out);
    int compared = 0;
    for (int i = 0; i < 50_000; i++) {
      simulator.next(out);
      if (i % 50 == 0) {
        BookUpdate yes = simulator.book(YES);
        BookUpdate no = simulator.book(NO);
        assertComplement(yes.getAsks(), no.getBids());
        assertComplement(yes.getBids(), no.getAsks());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(1_000);
    assertThat(out.deadLetters).isEmpty();
    // Each YES update is followed by its NO image, number for number.
    List<BookUpdate> updates =
        out.books.stream().filter(u -> u.getInstrument().startsWith("PARIFLOW:")).toList();
    for (int i = 0; i < updates.size(); i += 2) {
      BookUpdate yes = updates.get(i);
      BookUpdate no = updates.get(i + 1);
      assertThat(yes.getInstrument()).isEqualTo(YES);
      assertThat(no.getInstrument()).isEqualTo(NO);
      assertThat(no.getLastSequence()).isEqualTo(yes.getLastSequence());
      assertComplement(yes.getAsks(), no.getBids());
      assertComplement(yes.getBids(), no.getAsks());
    }
  }

  @Test
  void theRateKnobSetsTheEventsPerSecondOfEventTime() {
    for (double rate : new double[] {20, 2_000}) {
      MarketSimulator simulator = market(6, rate);
      CollectingOutput out = run(simulator, 40_000);
      long events =
          out.books.stream()
              .filter(u -> u.getKind() == BookUpdateKind.DELTA)
              .mapToLong(BookUpdate::getExchangeTimeUs)
              .distinct()
              .count();
      double seconds = (simulator.nextEventTimeUs() - START_US) / 1e6;
      // An event now and then changes nothing (a cancel that would empty a side): 1% at most.
      assertThat(events / seconds).isBetween(0.98 * rate, 1.01 * rate);
    }
  }

  @Test
  void aPredictionMarketIsGivenByItsYesSide() {
    assertThatThrownBy(
            () ->
                new SimulatedInstrument(
                    "PARIFLOW:e:o:NO", 0.5, 1, 0, 1, 0.01, 1, new BookProfile(5, 1, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "give a prediction-market outcome by its YES side (its NO side is the complement):"
                + " PARIFLOW:e:o:NO");
  }

  private static void assertSameBook(OrderBook rebuilt, BookUpdate simulators) {
    OrderBook expected = new OrderBook();
    expected.apply(simulators);
    assertThat(rebuilt.bids(1_000)).isEqualTo(expected.bids(1_000));
    assertThat(rebuilt.asks(1_000)).isEqualTo(expected.asks(1_000));
  }

  /** {@code no} holds, best first, the levels of {@code yes} at 1 − price, same size and orders. */
  private static void assertComplement(List<BookLevel> yes, List<BookLevel> no) {
    assertThat(no).hasSameSizeAs(yes);
    for (int i = 0; i < yes.size(); i++) {
      long yesCents = Math.round(yes.get(i).getPrice() * 100);
      assertThat(no.get(i).getPrice()).isEqualTo((100 - yesCents) / 100.0);
      assertThat(no.get(i).getSize()).isEqualTo(yes.get(i).getSize());
      assertThat(no.get(i).getOrderCount()).isEqualTo(yes.get(i).getOrderCount());
    }
  }

  private static void assertOnTick(double price, double tick) {
    double ticks = price / tick;
    assertThat(Math.abs(ticks - Math.rint(ticks))).isLessThan(1e-6);
    assertThat(Double.toString(price).length()).as("%s is a short decimal", price).isLessThan(12);
  }
}
