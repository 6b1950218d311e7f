package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BookMakerTest {

  private static final SimulatedInstrument COIN =
      new SimulatedInstrument(
          "SIM:COIN", 100, 0.5, 0.5, 1, 1, 0.01, new BookProfile(10, 1, 2, 0.5));

  private static final SimulatedInstrument OUTCOME =
      new SimulatedInstrument(
          "PARIFLOW:e:o:YES", 0.5, 1, 0, 10, 0.01, 1, new BookProfile(20, 1, 100, 0));

  private static BookMaker maker(SimulatedInstrument instrument, SimulatorSettings settings) {
    return new BookMaker(instrument, settings, new SplittableRandom(1), 0);
  }

  private static BookMaker maker(SimulatedInstrument instrument) {
    return maker(instrument, SimulatorSettings.defaults());
  }

  @Test
  void theWindowCentresTheSpreadOnTheFairValue() {
    BookMaker maker = maker(COIN);

    assertThat(maker.windowAt(100.3, Regime.QUIET))
        .isEqualTo(new BookMaker.Window(100, 101, 10, 10, 1));
    assertThat(maker.windowAt(100.7, Regime.QUIET))
        .isEqualTo(new BookMaker.Window(100, 101, 10, 10, 1));
    // Stressed: three ticks wide, 0.35 of the depth.
    assertThat(maker.windowAt(100.3, Regime.STRESSED))
        .isEqualTo(new BookMaker.Window(99, 102, 10, 10, 0.35));
  }

  @Test
  void aPredictionMarketsWindowEndsAtOneAndNinetyNineCents() {
    BookMaker maker = maker(OUTCOME);

    assertThat(maker.windowAt(0.003, Regime.QUIET)).isEqualTo(new BookMaker.Window(1, 2, 1, 20, 1));
    assertThat(maker.windowAt(0.9999, Regime.STRESSED))
        .isEqualTo(new BookMaker.Window(96, 99, 20, 1, 0.35));
  }

  @Test
  void aRequoteFillsTheWindowWithSizesGrowingAwayFromTheTouch() {
    double[] mean = new double[10];
    int books = 2_000;
    for (int seed = 0; seed < books; seed++) {
      BookMaker maker =
          new BookMaker(COIN, SimulatorSettings.defaults(), new SplittableRandom(seed), 0);
      maker.requote(maker.windowAt(100.3, Regime.QUIET), new SplittableRandom(seed));
      SimulatedBook book = maker.book();
      assertThat(book.levels(BookSide.BIDS).keySet())
          .containsExactly(100L, 99L, 98L, 97L, 96L, 95L, 94L, 93L, 92L, 91L);
      assertThat(book.levels(BookSide.ASKS).firstKey()).isEqualTo(101);
      for (int k = 0; k < 10; k++) {
        mean[k] += book.level(BookSide.BIDS, 100 - k).lots() * 0.01 / books;
      }
    }
    for (int k = 0; k < 10; k++) {
      // size(k) = 2 × (1 + 0.5 k)
      assertThat(mean[k]).as("level %d", k).isCloseTo(2 * (1 + 0.5 * k), within(0.05 * (1 + k)));
    }
  }

  @Test
  void aRequoteToAMovedWindowCancelsWhatFallsOutsideIt() {
    BookMaker maker = maker(COIN);
    SplittableRandom random = new SplittableRandom(2);
    maker.requote(maker.windowAt(100.3, Regime.QUIET), random);
    maker.book().takeChanges();

    BookMaker.Window moved = maker.windowAt(103.2, Regime.QUIET);
    assertThat(maker.isAwayFrom(moved)).isTrue();
    maker.requote(moved, random);

    assertThat(maker.isAwayFrom(moved)).isFalse();
    assertThat(maker.book().levels(BookSide.BIDS).keySet())
        .hasSize(10)
        .startsWith(103L)
        .endsWith(94L);
    assertThat(maker.book().levels(BookSide.ASKS).keySet())
        .hasSize(10)
        .startsWith(104L)
        .endsWith(113L);
    // Bids 103..101 added, 93..91 cancelled; asks 101..103 cancelled, 111..113 added.
    assertThat(maker.book().takeChanges()).hasSize(12);
  }

  @Test
  void aHoleEmptiesLevelsNearTheTouchUntilItIsOverThenTheyRefill() {
    SimulatorSettings settings =
        SimulatorSettings.defaults()
            .withHoles(new SimulatorSettings.Holes(3_600_000, Duration.ofSeconds(3), 4));
    BookMaker maker = maker(COIN, settings);
    SplittableRandom random = new SplittableRandom(3);
    BookMaker.Window window = maker.windowAt(100.3, Regime.QUIET);
    maker.requote(window, random);
    long nowUs = 1_000_000;
    assertThat(maker.holeDue(nowUs)).isTrue();

    maker.openHole(nowUs, random);
    int bids = maker.book().levels(BookSide.BIDS).size();
    int asks = maker.book().levels(BookSide.ASKS).size();
    assertThat(Math.min(bids, asks)).isBetween(6, 9);
    assertThat(Math.max(bids, asks)).isEqualTo(10);
    BookSide holed = bids < asks ? BookSide.BIDS : BookSide.ASKS;
    long touch = window.touch(holed);
    assertThat(maker.book().level(holed, touch)).isNull();
    for (int i = 0; i < 10_000; i++) {
      maker.limitOrder(random);
      maker.requote(window, random);
    }
    assertThat(maker.book().level(holed, touch)).as("no order goes into the hole").isNull();

    assertThat(maker.holeOver(nowUs + 1)).isFalse();
    assertThat(maker.holeOver(nowUs + 3_600_000_000L)).isTrue();
    maker.closeHole(nowUs + 3_600_000_000L, random);
    assertThat(maker.book().levels(holed)).hasSize(10).containsKey(touch);
  }
}
