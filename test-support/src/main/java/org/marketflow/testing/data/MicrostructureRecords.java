package org.marketflow.testing.data;

import org.marketflow.schemas.avro.LiquidityMetrics;
import org.marketflow.schemas.avro.MarketMicrostructure;

/**
 * Small fixtures of the microstructure job's records, as the jobs reading its topics see them: a
 * minute's liquidity and a second's metrics with the fields those jobs use set and the rest at
 * plausible values.
 */
public final class MicrostructureRecords {

  private MicrostructureRecords() {}

  /**
   * The liquidity of the minute starting at {@code minuteStartMs}, split evenly between the sides;
   * {@code totalUsd} null for an instrument without a USD rate.
   */
  public static LiquidityMetrics liquidity(String instrument, long minuteStartMs, Double totalUsd) {
    return LiquidityMetrics.newBuilder()
        .setInstrument(instrument)
        .setBucketStartUs(minuteStartMs * 1_000L)
        .setLiquidityBandBps(10.0)
        .setBidLiquidityUsd(totalUsd == null ? null : totalUsd / 2)
        .setAskLiquidityUsd(totalUsd == null ? null : totalUsd / 2)
        .setTotalLiquidityUsd(totalUsd)
        .setVpinBucketVolume(50.0)
        .setVpinWindowBuckets(50)
        .build();
  }

  /**
   * The second starting at {@code secondStartMs} whose quoted spread, at its end and averaged over
   * it, is {@code spreadBps} (null for a one-sided book) around a mid of 100.
   */
  public static MarketMicrostructure second(
      String instrument, long secondStartMs, Double spreadBps) {
    return MarketMicrostructure.newBuilder()
        .setInstrument(instrument)
        .setBucketStartUs(secondStartMs * 1_000L)
        .setMidPrice(spreadBps == null ? null : 100.0)
        .setQuotedSpreadBps(spreadBps)
        .setSpreadBps(spreadBps)
        .setRealizedSpreadHorizonUs(5_000_000L)
        .setDepthBandBps(10.0)
        .setDepthTopLevels(5)
        .setDepthBidTop(1.0)
        .setDepthAskTop(1.0)
        .setTickFrequency(1.0)
        .setPriceImpactNotional(100_000.0)
        .setTradeCount(0L)
        .setVolume(0.0)
        .build();
  }
}
