package org.marketflow.benchmarks.flink;

import org.marketflow.schemas.avro.OhlcBar;

/** Fixtures: final bars of SIM:I000 with round values, as the job emits them. */
final class BarFixtures {

  /** 2025-01-01T00:00:00Z. */
  static final long START_US = 1_735_689_600_000_000L;

  private BarFixtures() {}

  /**
   * A final bar of {@code interval} starting at {@code startUs}: 10 trades (6 bought, 3 sold, 1 of
   * unknown side), the first 1 ms after the start, the last 59 s after it.
   */
  static OhlcBar.Builder bar(String interval, long startUs) {
    return OhlcBar.newBuilder()
        .setInstrument("SIM:I000")
        .setInterval(interval)
        .setBucketStartUs(startUs)
        .setOpen(100.0)
        .setHigh(101.5)
        .setLow(99.5)
        .setClose(101.0)
        .setVolume(2.5)
        .setQuoteVolume(251.25)
        .setTradeCount(10)
        .setVwap(100.5)
        .setFirstTradeTimeUs(startUs + 1_000)
        .setLastTradeTimeUs(startUs + 59_000_000)
        .setRevision(1)
        .setBuyVolume(1.5)
        .setSellVolume(0.75)
        .setBuyTradeCount(6)
        .setSellTradeCount(3)
        .setIsFinal(true);
  }
}
