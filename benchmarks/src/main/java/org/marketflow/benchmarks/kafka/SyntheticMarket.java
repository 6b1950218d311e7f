package org.marketflow.benchmarks.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketflow.ingest.simulator.MarketSimulator;
import org.marketflow.ingest.simulator.SimulatedInstrument;
import org.marketflow.ingest.simulator.TradeTape;
import org.marketflow.jobs.ohlc.records.OhlcAccumulator;
import org.marketflow.jobs.ohlc.state.OpenBar;
import org.marketflow.schemas.avro.OhlcBar;
import org.marketflow.schemas.bars.BarInterval;

/**
 * The benchmark's market: a fixed seed and start time, so every run loads the same trades and the
 * figures of two machines compare like for like.
 */
public final class SyntheticMarket {

  public static final long SEED = 20_250_101L;
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /**
   * Trades of each instrument in a bucket of {@link #buckets}, on average: an instrument misses a
   * bucket (no trade, so no bar or close) with a chance of e^-20, about 2e-9.
   */
  public static final int TRADES_PER_BUCKET = 20;

  private static final long MINUTE_MS = 60_000L;

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

  /**
   * The trades of {@code instruments} instruments folded into buckets of {@code periodMs} from
   * {@link #START}, {@link #TRADES_PER_BUCKET} trades per instrument and bucket on average.
   */
  public static TradeBuckets buckets(int instruments, long periodMs) {
    List<SimulatedInstrument> specs = instruments(instruments);
    double tradesPerSecond = instruments * TRADES_PER_BUCKET * 1_000.0 / periodMs;
    return new TradeBuckets(
        new TradeTape(SEED, startUs(), tradesPerSecond, specs),
        specs.stream().map(SimulatedInstrument::id).toList(),
        periodMs);
  }

  /**
   * {@code minutes} minutes of final 1-minute bars of {@code instruments} instruments, as jobs-ohlc
   * publishes them ({@link OpenBar#emit}): minute by minute, each minute's bars in instrument
   * order, an instrument without a trade in a minute without a bar.
   */
  public static List<OhlcBar> minuteBars(int instruments, int minutes) {
    List<String> ids = instruments(instruments).stream().map(SimulatedInstrument::id).toList();
    TradeBuckets buckets = buckets(instruments, MINUTE_MS);
    List<OhlcBar> bars = new ArrayList<>(instruments * minutes);
    for (int m = 0; m < minutes; m++) {
      TradeBuckets.Bucket bucket = buckets.next();
      for (int i = 0; i < instruments; i++) {
        OhlcAccumulator values = bucket.values()[i];
        if (values != null) {
          bars.add(
              new OpenBar(bucket.startMs(), bucket.startMs() + MINUTE_MS, values)
                  .emit(ids.get(i), BarInterval.M1.code(), true));
        }
      }
    }
    return bars;
  }

  private static long startUs() {
    return START.getEpochSecond() * 1_000_000L;
  }
}
