package org.marketflow.benchmarks.tables;

import org.marketflow.schemas.avro.MarketTick;
import org.marketflow.schemas.avro.TickSource;

/**
 * Tick {@code i} of a deterministic stream: instruments {@code SIM:I000..} in turn, one tick each
 * per millisecond of event time, so every (instrument, time, index) is a row of its own.
 */
public final class SyntheticTicks {

  static final long START_US = 1_735_689_600_000_000L; // 2025-01-01T00:00:00Z

  private SyntheticTicks() {}

  public static MarketTick tick(long i, int instruments) {
    int instrument = (int) (i % instruments);
    long step = i / instruments;
    double mid = 100.0 * (instrument + 1) + (step % 200) * 0.01;
    return MarketTick.newBuilder()
        .setInstrument(String.format("SIM:I%03d", instrument))
        .setVenue("SIM")
        .setExchangeTimeUs(START_US + step * 1_000L)
        .setTickIndex(0)
        .setSource(step % 3 == 0 ? TickSource.TRADE : TickSource.BOOK)
        .setSequence(step)
        .setLatencyUs(250)
        .setBid(mid - 0.01)
        .setAsk(mid + 0.01)
        .setBidSize(1.0 + step % 7)
        .setAskSize(1.0 + step % 5)
        .setLastPrice(mid)
        .setLastSize(0.5)
        .setVolume(0.5 * (step / 3 + 1))
        .build();
  }
}
