package org.marketflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketflow.ingest.feed.CollectingOutput;
import org.marketflow.schemas.avro.BookUpdate;
import org.marketflow.schemas.avro.FeedState;
import org.marketflow.schemas.avro.FeedStatus;

class SimulatorRunTest {

  private static final long START_US = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

  @Test
  void opensPublishesTheEventsAndStops() {
    MarketSimulator simulator =
        new MarketSimulator(1, START_US, 100, MarketSimulator.defaultInstruments());
    CollectingOutput out = new CollectingOutput();

    assertThat(SimulatorRun.asFastAsPossible(simulator).run(1_000, out)).isEqualTo(1_000);

    List<FeedStatus> statuses = out.statuses;
    assertThat(statuses).hasSize(10);
    assertThat(statuses.subList(0, 5))
        .extracting(FeedStatus::getState)
        .containsOnly(FeedState.CONNECTED);
    assertThat(statuses.subList(5, 10))
        .extracting(FeedStatus::getState)
        .containsOnly(FeedState.DISCONNECTED);
    assertThat(out.all.get(out.all.size() - 1)).isEqualTo(statuses.get(9));
    assertThat(out.deadLetters).isEmpty();
    assertThat(statuses.get(9).getEventTimeUs()).isGreaterThan(START_US + 5_000_000L);
  }

  @Test
  void inRealTimeNoEventGoesOutBeforeItsTime() {
    long startUs = System.currentTimeMillis() * 1_000L;
    MarketSimulator simulator =
        new MarketSimulator(2, startUs, 1_000, MarketSimulator.defaultInstruments());
    List<Long> lateness = new ArrayList<>();
    CollectingOutput out =
        new CollectingOutput() {
          @Override
          public void book(BookUpdate update) {
            lateness.add(System.currentTimeMillis() * 1_000L - update.getExchangeTimeUs());
          }
        };

    SimulatorRun.realTime(simulator).run(300, out);

    assertThat(lateness).hasSizeGreaterThan(300).allSatisfy(us -> assertThat(us).isNotNegative());
    assertThat(out.deadLetters).isEmpty();
    // 300 events at 1,000 a second took about 0.3 s of the wall clock.
    assertThat(System.currentTimeMillis() * 1_000L - startUs).isGreaterThan(200_000L);
  }

  @Test
  void anInterruptedRunStillSaysItStopped() {
    MarketSimulator simulator =
        new MarketSimulator(3, START_US, 100, MarketSimulator.defaultInstruments());
    CollectingOutput out = new CollectingOutput();
    Thread.currentThread().interrupt();
    try {
      assertThat(SimulatorRun.asFastAsPossible(simulator).run(1_000, out)).isZero();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(out.statuses)
        .extracting(FeedStatus::getState)
        .containsExactly(
            FeedState.CONNECTED,
            FeedState.CONNECTED,
            FeedState.CONNECTED,
            FeedState.CONNECTED,
            FeedState.CONNECTED,
            FeedState.DISCONNECTED,
            FeedState.DISCONNECTED,
            FeedState.DISCONNECTED,
            FeedState.DISCONNECTED,
            FeedState.DISCONNECTED);
    assertThat(out.deadLetters).isEmpty();
  }
}
