package org.marketflow.launcher;

import java.time.Duration;
import java.util.List;
import org.marketflow.ingest.kafka.NormalizedPublisher;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatorRun;

/**
 * The local run's default source: the market simulator's books, quotes, trades and statuses
 * published to the suite's topics from a thread of their own, the backfill at once and then in real
 * time. Closing it stops the market ({@code DISCONNECTED} for each instrument) and the publisher.
 */
final class SimulatedMarketFeed implements AutoCloseable {

  private final Thread thread;
  private final NormalizedPublisher publisher;
  private final List<String> instruments;

  private SimulatedMarketFeed(
      Thread thread, NormalizedPublisher publisher, List<String> instruments) {
    this.thread = thread;
    this.publisher = publisher;
    this.instruments = instruments;
  }

  /**
   * @param eventsPerSecond the simulator's rate knob (see {@code docs/simulator.md})
   * @param backfill how much simulated history, up to now, goes out at once
   */
  static SimulatedMarketFeed start(
      String bootstrapServers, long seed, double eventsPerSecond, Duration backfill) {
    long startUs = (System.currentTimeMillis() - backfill.toMillis()) * 1_000L;
    MarketSimulator simulator =
        new MarketSimulator(seed, startUs, eventsPerSecond, MarketSimulator.defaultInstruments());
    NormalizedPublisher publisher = new NormalizedPublisher(bootstrapServers);
    Thread thread =
        new Thread(
            () -> SimulatorRun.realTime(simulator).run(Long.MAX_VALUE, publisher),
            "marketflow-simulator");
    thread.setDaemon(true);
    thread.start();
    return new SimulatedMarketFeed(thread, publisher, simulator.instruments());
  }

  List<String> instruments() {
    return instruments;
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(5_000);
    publisher.close();
  }
}
