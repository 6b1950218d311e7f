package org.marketflow.ingest.simulator;

import java.util.function.LongSupplier;
import org.marketflow.ingest.feed.FeedOutput;

/**
 * Drives a {@link MarketSimulator} at a pace: each event goes out when the clock reaches its event
 * time. On the wall clock ({@link #realTime}) the simulator feeds a live pipeline as a venue would,
 * and events stamped in the past (a backfill) go out at once; {@link #asFastAsPossible} never
 * waits. The pace changes when records go out, never what they are.
 */
public final class SimulatorRun {

  private final MarketSimulator simulator;
  private final LongSupplier clockUs;

  /**
   * @param clockUs the time now, epoch microseconds
   */
  public SimulatorRun(MarketSimulator simulator, LongSupplier clockUs) {
    this.simulator = simulator;
    this.clockUs = clockUs;
  }

  /** Events go out at their event time on the wall clock. */
  public static SimulatorRun realTime(MarketSimulator simulator) {
    return new SimulatorRun(simulator, () -> System.currentTimeMillis() * 1_000L);
  }

  /** Events go out as fast as they are made: for load tests. */
  public static SimulatorRun asFastAsPossible(MarketSimulator simulator) {
    return new SimulatorRun(simulator, () -> Long.MAX_VALUE);
  }

  /**
   * Opens the market, publishes events until {@code maxEvents} are out or the thread is
   * interrupted, then stops the market ({@code DISCONNECTED} for each instrument).
   *
   * @return the events published
   */
  public long run(long maxEvents, FeedOutput out) {
    simulator.open(out);
    long events = 0;
    while (events < maxEvents && awaitNextEvent()) {
      simulator.next(out);
      events++;
    }
    // An interrupted thread still says that the market stopped, then stays interrupted.
    boolean interrupted = Thread.interrupted();
    simulator.stop(out);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return events;
  }

  /** Waits until the next event is due; {@code false} when interrupted meanwhile. */
  private boolean awaitNextEvent() {
    long waitUs = simulator.nextEventTimeUs() - clockUs.getAsLong();
    if (waitUs > 0) {
      try {
        Thread.sleep(waitUs / 1_000L, (int) (waitUs % 1_000L) * 1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !Thread.currentThread().isInterrupted();
  }
}
