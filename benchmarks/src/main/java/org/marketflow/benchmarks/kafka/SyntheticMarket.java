package org.marketflow.benchmarks.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatedInstrument;
import org.marketflow.ingest.simulator.TradeTape;

/**
 * The benchmark's market: a fixed seed and start time, so every run loads the same trades and the
 * figures of two machines compare like for like.
 */
public final class SyntheticMarket {

  public static final long SEED = 20_250_101L;
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private SyntheticMarket() {}

  /** {@code count} instruments {@code SIM:I000}, {@code SIM:I001}, ... with varied parameters. */
  public static List<SimulatedInstrument> instruments(int count) {
    List<SimulatedInstrument> instruments = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      instruments.add(
          new SimulatedInstrument(
              String.format("SIM:I%03d", i),
              10.0 * (i + 1),
              0.4 + 0.05 * (i % 10),
              0.3 + 0.05 * (i % 8),
              1.0 + i % 5,
              0.01));
    }
    return instruments;
  }

  public static TradeTape tape(int instruments, double tradesPerSecond) {
    return new TradeTape(SEED, startUs(), tradesPerSecond, instruments(instruments));
  }

  /**
   * The books of {@code instruments} instruments, {@code eventsPerSecond} market events a second.
   */
  public static BookTape books(int instruments, double eventsPerSecond) {
    return new BookTape(
        new MarketSimulator(SEED, startUs(), eventsPerSecond, instruments(instruments)));
  }

  private static long startUs() {
    return START.getEpochSecond() * 1_000_000L;
  }
}
